import ECVCatalog
import ECVModel
import ECVTestSupport
import Testing

@testable import ECVPlanning

/// Rebalancing a dispatcher can use: clients stay whole, teams within their working days, never worse than
/// every team keeping its own line.
@Suite struct RebalanceTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog

    static func options(rebalance: Bool) -> Planner.Options {
        var options = PlanCheckTests.options()
        options.maxIterations = 800
        options.rebalance = rebalance
        return options
    }

    @Test func aClientThatMovesGoesWholeToOneTeamAndThePlanIsNoWorseThanOwnLines() throws {
        let rebalanced = try Planner(catalog: Self.catalog, options: Self.options(rebalance: true)).plan()
        let own = try Planner(catalog: Self.catalog, options: Self.options(rebalance: false)).plan()
        #expect(Planner.rank(rebalanced, Self.catalog) <= Planner.rank(own, Self.catalog))
        var routes: [String: Set<String>] = [:]
        for route in rebalanced.routes {
            for visit in route.stops.flatMap(\.visits) { routes[visit.client, default: []].insert(route.route) }
        }
        for (client, lines) in routes where lines.count > 1 {
            let ownLines = Set(Self.catalog.placements.filter { $0.site.clientID == client }.map(\.route.id))
            #expect(lines.isSubset(of: ownLines), "\(client) is spread over \(lines.sorted())")
        }
        var checker = PlanChecker(catalog: Self.catalog, rebalance: true)
        #expect(checker.check(try PlanCheckTests.document(rebalanced)) == [])
    }

    @Test func aTeamWorksNoMoreThanItsMaxWorkdays() throws {
        var catalog = Self.catalog
        let team = try #require(catalog.teams.firstIndex { $0.id == "team-ne" })
        catalog.teams[team].maxWorkdays = 12
        let plan = try Planner(catalog: catalog, options: Self.options(rebalance: false)).plan()
        let northeast = try #require(plan.routes.first { $0.route == "northeast" })
        #expect(northeast.workdays <= 12)
        #expect(northeast.visitCount + plan.unscheduled.filter { $0.route == "northeast" }.count == 20)
    }
}
