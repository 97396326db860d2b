import ECVTestSupport
import Foundation
import GRDB
import Testing

@testable import ECVSync

/// Times are written as GRDB's formatter writes them.
@Suite struct DatabaseTimeTextTests {
    @Test func aTimeIsWrittenAsGRDBWritesIt() {
        var random = SeededGenerator(seed: 7)
        var dates = [0.0, 946_684_800, 946_684_799.999, 1_805_000_000.123, 4_102_444_799.999_9, 253_402_300_799.999]
            .map(Date.init(timeIntervalSince1970:))
        for _ in 0..<20_000 {
            let milliseconds = Double(Int.random(in: 946_684_800_000..<4_102_444_800_000, using: &random))
            let text = String.fromDatabaseValue(Date(timeIntervalSince1970: milliseconds / 1000).databaseValue) ?? ""
            dates.append(DatabaseTime.parse(text) ?? .distantPast)
            dates.append(
                Date(timeIntervalSince1970: milliseconds / 1000 + Double.random(in: 0..<0.001, using: &random)))
        }
        let differing = dates.filter { DatabaseTime.text($0) != String.fromDatabaseValue($0.databaseValue) }
        #expect(
            differing.isEmpty,
            "\(differing.prefix(5).map { "\($0.timeIntervalSince1970) \(DatabaseTime.text($0)) \(String.fromDatabaseValue($0.databaseValue) ?? "")" })"
        )
    }
}
