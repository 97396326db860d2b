import ECVCatalog
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// The worked example of the module's documentation (`ECVPlanning.docc/ECVPlanning.md`), run as written there.
@Suite struct DocumentationExampleTests {
    @Test func oneLineOfTheSampleTourIsPlannedOutAndBackWithEveryVehicleAccountedFor() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        var options = Planner.Options()
        options.routes = ["northeast"]
        options.timeLimit = nil
        options.maxIterations = 300
        let plan = try Planner(catalog: catalog, options: options).plan()
        let route = try #require(plan.routes.first)
        #expect(plan.routes.count == 1)
        #expect(route.legs.first?.from == "base")
        #expect(route.legs.last?.to == "base")
        #expect(
            plan.vehicleCount + Set(plan.unscheduled.map(\.vehicle)).count
                == catalog.fleet(route: "northeast").count)
        #expect(plan.vehicleCount > 0)
        let document = PlanDocument(plan, generated: Date())
        #expect(document.totals.km == PlanDocument.tenths(document.routes.reduce(0) { $0 + $1.totals.km }))
    }
}
