import ECVTestSupport
import Foundation
import Testing

@testable import ECVCLI

/// Names, notes and ids printed on a terminal never carry control characters.
@Suite struct TerminalOutputTests {
    @Test(arguments: [
        ("relay\u{1B}[2J dead", "relay\\u{1b}[2J dead"),
        ("\u{1B}]0;pwned\u{07}", "\\u{1b}]0;pwned\\u{7}"),
        ("line\nbreak\r", "line\\u{a}break\\u{d}"),
        ("\u{9B}31m", "\\u{9b}31m"),
        ("abc\u{202E}fed", "abc\\u{202e}fed"),
        ("黑龙江 HLJ-FIRE-01", "黑龙江 HLJ-FIRE-01"),
    ])
    func controlCharactersAreWrittenAsVisibleEscapes(text: String, shown: String) {
        #expect(Terminal.safe(text) == shown)
    }

    @Test func historyShowsANoteWithEscapeSequencesAsText() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let note = "power.generator-start=relay dead\u{1B}]0;pwned\u{07}\u{1B}[2J"
        let recorded = try ECVRunner.run(
            ["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", note, "--engineer", "Li\u{1B}[31mNa"]
                + root)
        #expect(recorded.status == 0)
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(!history.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(history.stdout.contains("relay dead\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"))
        #expect(history.stdout.contains("Li\\u{1b}[31mNa@"))
    }

    @Test func anUnknownVehicleIdIsQuotedSafelyInTheError() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let run = try ECVRunner.run(["history", "HLJ\u{1B}[2J", "--root", folder.url.path])
        #expect(run.status == 1)
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(run.stderr.contains("HLJ\\u{1b}[2J"))
    }
}
