import ECVCatalog
import ECVServer
import ECVStore
import ECVTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The worked example of the module's documentation (`ECVServer.docc/ECVServer.md`), run in process.
@Suite struct DocumentationExampleTests {
    @Test func theBoardOfANewSeasonListsEveryVehicleNotInspected() async throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let server = WebServer(
            configuration: .init(port: 0, actor: Actor(who: "Zhang Wei", laptop: "laptop-1"), language: .en),
            catalog: catalog, store: store)
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                for placement in catalog.placements { #expect(body.contains(placement.vehicle.id)) }
                #expect(body.components(separatedBy: "NOT INSPECTED").count - 1 == catalog.placements.count)
            }
        }
    }
}
