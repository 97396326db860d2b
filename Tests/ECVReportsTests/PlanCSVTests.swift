import ECVCatalog
import ECVPlanning
import ECVReports
import ECVTestSupport
import Foundation
import Testing

/// The plan CSV's km add up to the plan's: every leg has its row, also the leg to a stop without a visit.
@Suite struct PlanCSVTests {
    static func plan() throws -> TourPlan {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 300
        options.advice = false
        return try Planner(catalog: catalog, options: options).plan()
    }

    /// The sum of the `leg_km_before` column, and the rows of `kind`.
    static func read(_ csv: String) -> (km: Double, kinds: [String]) {
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        return (rows.reduce(0) { $0 + (Double($1[$1.count - 2]) ?? 0) }, rows.map { $0[$0.count - 1] })
    }

    @Test func theLegsKmAddUpToThePlansWithTheDriveHome() throws {
        let plan = try Self.plan()
        let (km, kinds) = Self.read(PlanCSV.rendered(plan))
        #expect(String(format: "%.1f", km) == String(format: "%.1f", plan.km))
        #expect(kinds.filter { $0 == "return" }.count == plan.routes.filter { !$0.stops.isEmpty }.count)
    }

    @Test func aStopWithoutVisitsHasARowWithItsLegsKm() throws {
        var plan = try Self.plan()
        let index = try #require(plan.routes.firstIndex { $0.stops.count >= 2 })
        // A re-plan moved this stop's visits while the team drove there.
        plan.routes[index].stops[1].visits = []
        let csv = PlanCSV.rendered(plan)
        let (km, kinds) = Self.read(csv)
        #expect(String(format: "%.1f", km) == String(format: "%.1f", plan.km))
        #expect(kinds.filter { $0 == "stop" }.count == 1)
        let stop = try #require(csv.split(separator: "\n").first { $0.hasSuffix(",stop") })
        #expect(stop.contains(",\(plan.routes[index].stops[1].site),,,0,"))
    }
}
