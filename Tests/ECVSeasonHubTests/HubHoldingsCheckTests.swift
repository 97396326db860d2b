import ECVCatalog
import ECVHub
import ECVStore
import ECVTestSupport
import Foundation
import Testing

@testable import ECVSeasonHub

/// The hub's check after a full round finds a result held twice, and one the office does not hold.
@Suite struct HubHoldingsCheckTests {
    @Test func aResultHeldTwiceOrUnknownToTheOfficeIsABreach() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let vehicle = try #require(catalog.vehicleIDs.first)
        let folder = try TemporaryFolder()
        let office = try Store(path: folder.url.appendingPathComponent("ecv.sqlite").path)
        let check = HubHoldingsCheck(catalog: catalog)
        #expect(try check.breaches(held: [], office: office).isEmpty, "nothing anywhere is the same everywhere")

        let result = HeldResult(vehicleID: vehicle, itemID: "power.generator-start", id: UUID(), version: 1)
        let breaches = try check.breaches(held: [result, result], office: office)
        #expect(breaches.map(\.invariant) == [.hubHoldsOnce, .hubHoldsOnce])
        #expect(breaches.first?.detail.contains("more than once") == true)
        #expect(breaches.last?.detail.contains("holds 1 the office lacks") == true)
    }
}
