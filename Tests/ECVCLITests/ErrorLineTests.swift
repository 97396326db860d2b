import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// A value quoted in an error is printed on the error's own line: its line breaks and control characters
/// show as escapes and never start a line that looks like ecv's.
@Suite struct ErrorLineTests {
    let folder: TemporaryFolder
    var root: [String] { ["--root", folder.url.path] }
    static let forged = "X\nimported from lapA: 99 new results"

    init() throws {
        folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
    }

    @Test(arguments: [
        ["record", forged, "power.grounding=1.1"],
        ["record", "HLJ-FIRE-01", "\(forged)=pass"],
        ["record", "HLJ-FIRE-01", "power.grounding=\(forged)"],
        ["record", "HLJ-FIRE-01", forged],
        ["history", forged],
        ["today", "--date", forged],
    ])
    func aLineBreakInAValueNeverStartsALineOfItsOwn(arguments: [String]) throws {
        let run = try ECVRunner.run(arguments + root)
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.hasPrefix("imported from") }, "\(run.stderr)")
        #expect(run.stderr.contains("X\\u{a}imported from lapA"), "\(run.stderr)")
    }

    @Test func aResultsFileNamingAForgedColumnPrintsOneLine() throws {
        try folder.write("vehicle,item,value,\"\(Self.forged)\"\nHLJ-FIRE-01,power.grounding,1.1,x\n", to: "r.csv")
        let run = try ECVRunner.run(["record", "--file", folder.url.appendingPathComponent("r.csv").path] + root)
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func escapingShowsEveryControlCharacterAndKeepsCJK() {
        #expect(TerminalText.escaped("消防\u{1B}[2J\r\t\u{202E}x") == "消防\\u{1b}[2J\\u{d}\\u{9}\\u{202e}x")
        #expect(TerminalText.escaped("plain") == "plain")
    }
}
