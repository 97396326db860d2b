import ECVTestSupport
import Foundation
import Testing

/// A report never goes out unsigned because the office's key file was damaged: the command stops and says which.
@Suite struct DamagedKeyTests {
    @Test(arguments: ["not a key\n", "AAAA\n", ""])
    func aDamagedPrivateKeyStopsTheReportAndNamesTheFile(content: String) throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["keys", "init"] + root).status == 0)
        let out = folder.url.appendingPathComponent("reports").path
        #expect(try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--out", out] + root).status == 0)
        try folder.write(content, to: "keys/office-ed25519.key")
        let damaged = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--out", out + "-2"] + root)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("office-ed25519.key is not a readable key"), "\(damaged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "-2"), "nothing was written")
    }

    @Test func withoutKeysReportsAreWrittenUnsigned() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let out = folder.url.appendingPathComponent("reports").path
        let report = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--out", out, "--root", folder.url.path])
        #expect(report.status == 0, "\(report.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(!files.isEmpty && !files.contains { $0.hasSuffix(".sig") })
    }
}
