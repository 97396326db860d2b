import ECVModel
import ECVTestSupport
import Foundation
import Testing

@testable import ECVStore

/// A laptop whose clock is wrong cannot save what no office would take: a time before any tour.
@Suite struct EntryClockTests {
    @Test(arguments: [
        (EntryLimits.standard.earliest.addingTimeInterval(-1), false), (EntryLimits.standard.earliest, true),
    ])
    func aClockBeforeAnyTourIsRefusedAndNothingIsSaved(now: Date, accepted: Bool) throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let placement = try StoreTests.placement()
        let recording = {
            _ = try store.record(
                StoreTests.entries([("power.grounding", "1.1")]), for: placement, catalog: StoreTests.catalog,
                by: StoreTests.actor, at: now, makeID: SequentialIDs().make)
        }
        if accepted {
            try recording()
        } else {
            #expect(throws: StoreError.self) { try recording() }
        }
        #expect(try store.results(ofVehicle: "HLJ-FIRE-01").count == (accepted ? 1 : 0))
    }
}
