import ECVTestSupport
import Foundation
import Testing

@testable import ECVSync

/// Bundle lines read directly agree with `JSONDecoder` on every line, and lines in another form are left to it.
@Suite struct CompactLineTests {
    /// A time as a bundle carries it: read back from the database's form.
    static let time = DatabaseTime.parse("2027-03-14 04:54:20.123") ?? .distantPast

    static let results = [
        ResultRecord(
            id: UUID(), version: 1, inspectionID: UUID(), itemID: "power.grounding", status: "pass", value: nil,
            choice: nil, text: nil, note: nil, recordedAt: time, recordedBy: "Zhang Wei", laptop: "laptop-a"),
        ResultRecord(
            id: UUID(), version: 2_147_483_648, inspectionID: UUID(), itemID: "power.grounding", status: "fail",
            value: -1.25, choice: "yes", text: "a \"quoted\" \\ text\non two lines\t\u{1}", note: "张伟 🚒 note",
            recordedAt: time, recordedBy: "Li Na", laptop: "laptop-b"),
        ResultRecord(
            id: UUID(), version: 7, inspectionID: UUID(), itemID: "power.insulation", status: "pass", value: 230,
            choice: nil, text: "", note: "/slashes/ and \u{7F}",
            recordedAt: DatabaseTime.parse("2000-01-01 00:00:00") ?? .distantPast,
            recordedBy: "", laptop: "laptop-a"),
    ]

    static let audit = [
        AuditRecord(
            id: UUID(), at: time, who: "Zhang Wei", laptop: "laptop-a", entity: "result", entityID: "X#1",
            vehicleID: "HLJ-FIRE-01", old: nil, new: #"{"id":"X","note":"say \"hi\""}"#),
        AuditRecord(
            id: UUID(), at: time, who: "Li Na", laptop: "laptop-b", entity: "inspection", entityID: "Y",
            vehicleID: nil, old: "{}", new: "{\"finishedAt\":\"2027\"}"),
    ]

    static let inspection = InspectionRecord(
        id: UUID(), vehicleID: "HLJ-FIRE-01", clientID: "client-1", siteID: "site-1", routeID: "route-1",
        equipment: #"["vsat","ups"]"#, teamID: "team-1", engineer: "Zhang Wei", laptop: "laptop-a", startedAt: time,
        finishedAt: time.addingTimeInterval(600), kind: "full", checklists: #"{"power":{"version":"1"}}"#)

    /// The line the bundle's encoder writes for `value`.
    static func line(_ value: some Encodable) throws -> Data {
        try SyncBundle.encoder().encode(value)
    }

    /// What `JSONDecoder` reads from `line`, `nil` when it refuses it.
    static func decoded<T: Decodable>(_ type: T.Type, _ line: Data) -> T? {
        try? SyncBundle.decoder().decode(T.self, from: line)
    }

    static func compact<T: CompactLineReadable>(_ type: T.Type, _ line: Data) -> T? {
        CompactLine.read(line) { line throws(CompactLine.NotCompact) in try T(compact: &line) }
    }

    @Test func everyRecordTheEncoderWritesIsReadDirectlyAsJSONDecoderReadsIt() throws {
        for result in Self.results {
            let line = try Self.line(result)
            #expect(Self.compact(ResultRecord.self, line) == result)
            #expect(Self.compact(ResultRecord.self, line) == Self.decoded(ResultRecord.self, line))
        }
        for entry in Self.audit {
            let line = try Self.line(entry)
            #expect(Self.compact(AuditRecord.self, line) == entry)
        }
        #expect(Self.compact(InspectionRecord.self, try Self.line(Self.inspection)) == Self.inspection)
    }

    @Test(arguments: [
        (#"{"choice":"#, #"{ "choice":"#),  // whitespace
        (#""laptop":"#, #""extra":1,"laptop":"#),  // an unknown key
        (#""laptop":"laptop-b","#, #""laptop":"laptop-b","laptop":"laptop-c","#),  // a repeated key
        (#""itemID":"#, #""item\u0049D":"#),  // an escaped key
        (#""version":2147483648"#, #""version":2147483648.0"#),
        (#""version":2147483648"#, #""version":99999999999999999999"#),
        (#""version":2147483648"#, #""version":02147483648"#),
        (#""version":2147483648"#, #""version":-0"#),
        (#""value":-1.25"#, #""value":-1.25e0"#),
        (#""value":-1.25"#, #""value":[1]"#),
        (#""status":"fail""#, #""status":"\ud800""#),  // half a surrogate pair
    ])
    func aLineInAnotherFormIsLeftToJSONDecoder(original: String, replacement: String) throws {
        let text = String(decoding: try Self.line(Self.results[1]), as: UTF8.self)
        let changed = Data(text.replacingOccurrences(of: original, with: replacement).utf8)
        #expect(changed != Data(text.utf8))
        #expect(Self.compact(ResultRecord.self, changed) == nil)
        let value = ParallelDecoding.value(ResultRecord.self, of: changed[...], SyncBundle.decoder())
        #expect(value == Self.decoded(ResultRecord.self, changed))
    }

    @Test func anIDInLowerCaseIsLeftToJSONDecoder() throws {
        let result = Self.results[0]
        let text = String(decoding: try Self.line(result), as: UTF8.self)
        let lower = Data(
            text.replacingOccurrences(of: result.id.uuidString, with: result.id.uuidString.lowercased()).utf8)
        #expect(Self.compact(ResultRecord.self, lower) == nil)
        #expect(ParallelDecoding.value(ResultRecord.self, of: lower[...], SyncBundle.decoder()) == result)
    }

    /// Lines with a byte changed, cut or doubled: what is read directly, `JSONDecoder` reads alike.
    @Test func damagedLinesAreNeverReadDirectlyOtherwiseThanJSONDecoderReadsThem() throws {
        var random = SeededGenerator(seed: 31)
        let lines = try Self.results.map(Self.line) + Self.audit.map(Self.line) + [Self.line(Self.inspection)]
        let bytes = Array(#"{}[]":,\-.0123456789eEnul aAfF"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE5, 0xFF]
        var readDirectly = 0
        for round in 0..<30_000 {
            var line = try #require(lines.randomElement(using: &random))
            let index = Int.random(in: 0..<line.count, using: &random)
            switch round % 3 {
            case 0: line[index] = bytes.randomElement(using: &random) ?? 0
            case 1: line = line.prefix(index) + line.suffix(from: index + 1)
            default: line.insert(line[index], at: index)
            }
            func agrees<T: CompactLineReadable & Equatable>(_ type: T.Type) -> Bool {
                guard let direct = Self.compact(T.self, line) else { return true }
                readDirectly += 1
                return direct == Self.decoded(T.self, line)
            }
            #expect(
                agrees(ResultRecord.self) && agrees(AuditRecord.self) && agrees(InspectionRecord.self),
                "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(readDirectly > 1_000)
    }
}
