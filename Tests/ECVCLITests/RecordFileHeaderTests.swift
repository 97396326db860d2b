import ECVTestSupport
import Foundation
import Testing

/// A results CSV is read only as it was meant: every column known, each once, every quote closed.
@Suite struct RecordFileHeaderTests {
    let folder: TemporaryFolder
    var root: [String] { ["--root", folder.url.path] }

    init() throws {
        folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
    }

    func record(csv: String) throws -> ECVRunner.Result {
        try folder.write(csv, to: "results.csv")
        return try ECVRunner.run(["record", "--file", folder.url.appendingPathComponent("results.csv").path] + root)
    }

    func nothingRecorded() throws -> Bool {
        try ECVRunner.run(["history", "HLJ-FIRE-01"] + root).stdout.hasPrefix("HLJ-FIRE-01: 0 inspections")
    }

    @Test func anUnknownColumnIsRefusedWithTheColumnItMeant() throws {
        let run = try record(csv: "vehicle,item,value,notes\nHLJ-FIRE-01,power.generator-start,fail,relay dead\n")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: results.csv:1:4: unknown column `notes`; did you mean `note`?"))
        #expect(try nothingRecorded())
    }

    @Test func aColumnNamedTwiceIsRefused() throws {
        let run = try record(csv: "vehicle,item,value,note,Note\nHLJ-FIRE-01,power.grounding,1.1,a,b\n")
        #expect(run.status == 1)
        #expect(run.stderr == "error: results.csv:1:5: column `Note` is named twice (first as field 4)\n")
        #expect(try nothingRecorded())
    }

    @Test func aQuoteLeftOpenAtTheEndOfTheFileIsRefusedWhereItOpens() throws {
        let run = try record(
            csv:
                "vehicle,item,value,note\nHLJ-FIRE-01,power.grounding,1.1,ok\nHLJ-FIRE-01,power.insulation,5,\"half a note\n"
        )
        #expect(run.status == 1)
        #expect(run.stderr == "error: results.csv:3:32: a quote opened here is never closed\n")
        #expect(try nothingRecorded())
    }

    @Test func quotesThatCloseAndDoubledQuotesAreRead() throws {
        let run = try record(
            csv: "vehicle,item,value,note\nHLJ-FIRE-01,power.grounding,1.1,\"said \"\"ok\"\", twice\"\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try ECVRunner.run(["history", "HLJ-FIRE-01"] + root).stdout.contains("said \"ok\", twice"))
    }
}
