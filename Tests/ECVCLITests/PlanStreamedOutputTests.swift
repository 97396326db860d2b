import ECVTestSupport
import Foundation
import Testing

/// A plan written to a file piece by piece appears whole or not at all.
@Suite struct PlanStreamedOutputTests {
    @Test func aPlanWrittenToAFileReplacesItWholeAndLeavesNothingBeside() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let out = folder.url.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let file = out.appendingPathComponent("plan.csv")
        try Data("an older plan\n".utf8).write(to: file)
        let made = try ECVRunner.run(["plan", "--iterations", "200", "--format", "csv", "--out", file.path] + root)
        #expect(made.status == 0, "\(made.stderr)")
        let shown = try ECVRunner.run(["plan", "show", "latest", "--format", "csv"] + root)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == shown.stdout)
        #expect(written.split(separator: "\n").count > 70, "a row per visit of the sample's 74 vehicles")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["plan.csv"])
    }

    @Test func aPlanThatCannotTakeThePlaceOfItsFileIsRefusedAndLeavesNothingBehind() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let out = folder.url.appendingPathComponent("plans")
        // A folder stands where the file should go: the pieces are written, the last step cannot be done.
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("plan.txt/kept"), withIntermediateDirectories: true)
        let made = try ECVRunner.run(
            [
                "plan", "--iterations", "200", "--out", out.appendingPathComponent("plan.txt").path, "--root",
                folder.url.path,
            ])
        #expect(made.status == 1)
        #expect(made.stderr.contains("cannot write"), "\(made.stderr)")
        #expect(made.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["plan.txt"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("plan.txt").path) == ["kept"]
        )
    }
}
