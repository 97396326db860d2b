import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// What `ecv record` accepts is what `ecv import` accepts at the office: at every limit of `EntryLimits`, just
/// under it, at it and just over it.
@Suite struct EntryLimitTests {
    /// One entry at a limit: the command line of `record`, and whether it is within the limits.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var withinLimits: Bool
        var testDescription: String { name }
    }

    static let limit = EntryLimits.standard.textBytes

    static func text(_ bytes: Int) -> String { String(repeating: "a", count: bytes) }

    static let cases: [Case] = [
        Case(name: "answer under", arguments: ["power.generator-hours=\(text(limit - 1))"], withinLimits: true),
        Case(name: "answer at", arguments: ["power.generator-hours=\(text(limit))"], withinLimits: true),
        Case(name: "answer over", arguments: ["power.generator-hours=\(text(limit + 1))"], withinLimits: false),
        Case(
            name: "note under",
            arguments: ["power.generator-start=fail", "--note", "power.generator-start=\(text(limit - 1))"],
            withinLimits: true),
        Case(
            name: "note at",
            arguments: ["power.generator-start=fail", "--note", "power.generator-start=\(text(limit))"],
            withinLimits: true),
        Case(
            name: "note over",
            arguments: ["power.generator-start=fail", "--note", "power.generator-start=\(text(limit + 1))"],
            withinLimits: false),
        // 5,461 characters of three bytes are 16,383 bytes; one more is over.
        Case(
            name: "CJK note under",
            arguments: [
                "power.generator-start=fail", "--note",
                "power.generator-start=" + String(repeating: "电", count: limit / 3),
            ],
            withinLimits: true),
        Case(
            name: "CJK note over",
            arguments: [
                "power.generator-start=fail", "--note",
                "power.generator-start=" + String(repeating: "电", count: limit / 3 + 1),
            ],
            withinLimits: false),
        // Escaped in the audit line, each of these control characters takes six bytes.
        Case(
            name: "note of control characters at",
            arguments: [
                "power.generator-start=fail", "--note",
                "power.generator-start=" + String(repeating: "\u{1}", count: limit),
            ],
            withinLimits: true),
        Case(name: "largest value", arguments: ["power.grounding=1.7976931348623157e308"], withinLimits: true),
        Case(name: "value beyond a double", arguments: ["power.grounding=1e309"], withinLimits: false),
        Case(name: "engineer at", arguments: ["power.grounding=1.1", "--engineer", text(limit)], withinLimits: true),
        Case(
            name: "engineer over", arguments: ["power.grounding=1.1", "--engineer", text(limit + 1)],
            withinLimits: false),
    ]

    @Test(arguments: cases)
    func whatRecordAcceptsTheOfficeImports(_ entry: Case) throws {
        let pair = try SyncCommandTests.Pair()
        let recorded = try ECVRunner.run(["record", "HLJ-FIRE-01"] + entry.arguments + pair.laptop)
        #expect((recorded.status == 0) == entry.withinLimits, "\(recorded.stderr.prefix(300))")
        let bundle = pair.laptopFolder.url.appendingPathComponent("b.ecvbundle").path
        #expect(try ECVRunner.run(["export", "--out", bundle] + pair.laptop).status == 0)
        let imported = try ECVRunner.run(["import", bundle] + pair.office)
        #expect(imported.status == 0, "\(imported.stderr.prefix(300))")
        let count = entry.withinLimits ? 1 : 0
        #expect(imported.stdout.contains("\(count) new results"), "\(imported.stdout)")
        if !entry.withinLimits {
            #expect(recorded.stderr.split(separator: "\n").count <= 2, "one line saying why")
            #expect(!recorded.stderr.contains("Fatal"))
        }
    }

    @Test func inspectSaysANoteIsTooLongAndAsksAgain() throws {
        let sample = try InspectTerminalTests.Sample()
        let long = Self.text(Self.limit + 1)
        let run = try sample.inspect(["f", long, "f", "relay dead", "q"], lang: "en")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                "power.generator-start: the note has 16385 bytes, more than the 16384 a record may carry to the office; shorten it"
            ))
        let history = try sample.history()
        #expect(history.contains("relay dead"))
        #expect(!history.contains(long))
    }
}
