import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import PropertyBased
import Testing

@testable import ECVStore
@testable import ECVSync

/// Whatever an engineer types that `ecv record` accepts reaches the office unchanged: exported, signed, imported,
/// every result row and the verdict are the laptop's (DESIGN.md, "Bad input": accepted means it will travel).
@Suite struct EntryRoundTripPropertyTests {
    /// Texts an engineer may type: any Unicode scalars (control characters, CJK, emoji, lone combining marks),
    /// numbers as typed (with units, commas, full-width digits), the answer words, and texts near the limit.
    static let typed = Gen.oneOf(
        // Surrogates are no scalars: the two ranges around them.
        Gen.oneOf(Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}"), Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}"))
            .map { Character($0) }.string(of: 0...24),
        Gen.double(in: -1e9...1e9).map { "\($0)" },
        Gen.element(of: [
            "pass", "fail", "na", "skip", "p", "f", "n/a", "合格", "不合格", "不适用", "0,3", "０．３", "95s", " 1.5 dB ",
            "1e308", "-0", "nan", "inf", "=HYPERLINK(\"x\")", "\u{1B}[2J", "",
        ]).map { $0 ?? "" },
        // At, under and over 16 KiB: one-byte letters, and three-byte CJK.
        Gen.element(of: [16_383, 16_384, 16_385]).map { String(repeating: "a", count: $0 ?? 0) },
        Gen.element(of: [5_461, 5_462]).map { String(repeating: "检", count: $0 ?? 0) }
    )

    /// One answer per item of the vehicle, some with a note.
    static let answers = zip(typed.array(of: 12), typed.optional.array(of: 12))

    @Test func whatRecordAcceptsArrivesAtTheOfficeUnchanged() async throws {
        let vehicle = "HLJ-FIRE-01"
        let placement = try StoreTests.placement(vehicle)
        let items = SyncTests.catalog.items(applyingTo: placement.vehicle)
        var accepted = 0
        await propertyCheck(count: 60, input: Self.answers) { values, notes in
            do {
                let laptop = try SyncTests.Site("lap-a")
                let office = try SyncTests.Site("office", who: "Office")
                try office.trusts(laptop)
                // One answer at a time, as the form sends them: each accepted or refused on its own.
                for (index, (item, answer)) in Swift.zip(items, Swift.zip(values, notes)).enumerated() {
                    let entry = ResultEntry(itemID: item.fullID, value: answer.0, note: answer.1, source: "property")
                    do {
                        _ = try laptop.store.record(
                            [entry], for: placement, catalog: SyncTests.catalog, by: laptop.actor,
                            at: SyncTests.start.addingTimeInterval(3_600 + Double(index) * 60),
                            makeID: TimeOrderedID.make)
                        accepted += 1
                    } catch is EntryErrors {
                        continue  // refused at entry: nothing to carry
                    } catch is StoreError {
                        continue
                    }
                }
                try office.importing(laptop.export())
                let sent = try laptop.store.resultRecords(ofVehicle: vehicle)
                let arrived = try office.store.resultRecords(ofVehicle: vehicle)
                #expect(arrived == sent, "values \(values.map { $0.debugDescription }), notes \(notes)")
                #expect(try office.verdict(vehicle) == laptop.verdict(vehicle))
            } catch {
                Issue.record("an accepted entry did not travel: \(error)")
            }
        }
        // The generator must reach the import, not only the refusal at entry.
        #expect(accepted > 60, "only \(accepted) of 720 answers were accepted")
    }
}
