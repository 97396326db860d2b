import ECVCatalog
import ECVModel
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// The worked example of the module's documentation (`ECVStore.docc/ECVStore.md`), run as written there.
@Suite struct DocumentationExampleTests {
    @Test func aCriticalFailureGroundsTheVehicleAndItsCorrectionIsTheNextVersion() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let actor = Actor(who: "Zhang Wei", laptop: "laptop-1")
        let placement = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let start = Date(timeIntervalSince1970: 1_805_000_000)
        let first = try store.record(
            [ResultEntry(itemID: "power.generator-start", value: "fail", note: "no start", source: "argument 1")],
            for: placement, catalog: catalog, by: actor, at: start, makeID: UUID.init)
        let grounded = try store.board(catalog, route: "northeast").first { $0.vehicle == "HLJ-FIRE-01" }
        #expect(grounded?.verdict.readiness == .notDeployable)

        let second = try store.record(
            [
                ResultEntry(
                    itemID: "power.generator-start", value: "pass", note: "fuel filter replaced", source: "argument 1")
            ],
            for: placement, catalog: catalog, by: actor, at: start.addingTimeInterval(600), makeID: UUID.init)
        #expect(second.inspection.id == first.inspection.id)
        let generator = try store.results(ofVehicle: "HLJ-FIRE-01").filter { $0.itemID == "power.generator-start" }
        #expect(generator.map(\.status) == [.fail, .pass])
        let after = try store.board(catalog, route: "northeast").first { $0.vehicle == "HLJ-FIRE-01" }
        #expect(after?.verdict.groundingFailures == [])
        let trail = try store.audit(ofVehicle: "HLJ-FIRE-01").filter { $0.entity == "result" }
        #expect(trail.count == 2)
        #expect(trail.last?.old != nil)
    }
}
