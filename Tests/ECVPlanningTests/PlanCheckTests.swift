import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

@Suite struct PlanCheckTests {
    /// The plan as its stored JSON.
    static func document(_ plan: TourPlan) throws -> Data {
        try JSONEncoder().encode(PlanDocument(plan, generated: Date(timeIntervalSince1970: 1_800_000_000)))
    }

    static func options(seed: UInt64 = 1) -> Planner.Options {
        var options = Planner.Options()
        options.seed = seed
        options.timeLimit = nil
        options.maxIterations = 400
        // Advice plans lines again; the tests of advice ask for it.
        options.advice = false
        return options
    }

    @Test(arguments: 0..<40)
    func generatedToursGiveValidPlans(_ seed: Int) throws {
        let catalog = RandomTours.make(seed: UInt64(seed))
        let plan = try Planner(catalog: catalog, options: Self.options()).plan()
        var checker = PlanChecker(catalog: catalog)
        let problems = checker.check(try Self.document(plan))
        #expect(problems == [], "seed \(seed)")
    }

    @Test func theSamplePlanSchedulesEveryVehicleAndPassesTheCheck() throws {
        let load = CatalogLoader.load(root: ProjectPaths.sampleCatalog)
        var options = Self.options()
        options.maxIterations = 1_500
        let plan = try Planner(catalog: load.catalog, options: options).plan()
        var checker = PlanChecker(catalog: load.catalog)
        #expect(checker.check(try Self.document(plan)) == [])
        #expect(plan.unscheduled.isEmpty)
        #expect(plan.vehicleCount == load.catalog.placements.count)
    }

    @Test func theSameSeedGivesTheSamePlan() throws {
        let catalog = RandomTours.make(seed: 77)
        let first = try Planner(catalog: catalog, options: Self.options(seed: 5)).plan()
        let second = try Planner(catalog: catalog, options: Self.options(seed: 5)).plan()
        #expect(first == second)
    }

    @Test func unscheduledVehiclesComeWithReasonsADispatcherUnderstands() throws {
        var catalog = RandomTours.make(seed: 3)
        var route = catalog.routes[0]
        route.sites[0].vehicles[0].equipment = ["ka-band", "ups"]
        route.teamID = "team-b"
        route.sites[1].unavailable = (0...route.start.days(to: route.end)).map { route.start.adding(days: $0) }
        route.sites[1].appointment = nil
        catalog.routes = [route]
        let plan = try Planner(catalog: catalog, options: Self.options()).plan()
        let reasons = Dictionary(plan.unscheduled.map { ($0.vehicle, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons[route.sites[0].vehicles[0].id] == "needs ka-band, team-b lacks it")
        for vehicle in route.sites[1].vehicles {
            #expect(reasons[vehicle.id] == "site closed on every working day of route line-0")
        }
    }

    @Test func measuredLegsReplaceTheGreatCircleModel() throws {
        let catalog = RandomTours.make(seed: 5)
        let site = catalog.routes[0].sites[0].id
        var options = Self.options()
        // A measured shortcut between the base and one site: the plan uses it, both ways.
        options.distances.set(from: site, to: "base", .init(km: 1.5, minutes: 2))
        let plan = try Planner(catalog: catalog, options: options).plan()
        let legs = plan.routes.flatMap(\.legs).filter { Set([$0.from, $0.to]) == Set([site, "base"]) }
        #expect(!legs.isEmpty)
        #expect(legs.allSatisfy { $0.km == 1.5 && $0.driveMinutes == 2 })
        options.distances = DistanceTable()
        let plain = try Planner(catalog: catalog, options: options).plan()
        #expect(!plain.routes.flatMap(\.legs).contains { $0.km == 1.5 })
    }

    @Test(arguments: 0..<12)
    func rebalancedPlansOfGeneratedToursAreValid(_ seed: Int) throws {
        let catalog = RandomTours.make(seed: UInt64(100 + seed))
        var options = Self.options()
        options.rebalance = true
        let plan = try Planner(catalog: catalog, options: options).plan()
        var checker = PlanChecker(catalog: catalog, rebalance: true)
        let problems = checker.check(try Self.document(plan))
        #expect(problems == [], "seed \(seed)")
    }

    @Test func aLineWithoutAWorkingDayLeavesEveryVehicleUnscheduled() throws {
        var catalog = RandomTours.make(seed: 2)
        var route = catalog.routes[0]
        // A single Sunday on a Monday-to-Friday line.
        route.start = CalendarDay(iso: "2027-03-07") ?? route.start
        route.end = route.start
        route.workdays = Weekday.monToFri
        route.sites = route.sites.map { site in
            var open = site
            open.appointment = nil
            return open
        }
        catalog.routes = [route]
        let plan = try Planner(catalog: catalog, options: Self.options()).plan()
        #expect(plan.vehicleCount == 0)
        #expect(plan.unscheduled.count == route.sites.flatMap(\.vehicles).count)
        #expect(plan.routes.first?.legs.isEmpty == true)
    }

    @Test func anUnknownRouteIsRefusedWithASuggestion() {
        let catalog = RandomTours.make(seed: 1)
        var options = Self.options()
        options.routes = ["line-O"]
        #expect(throws: PlanningError.unknownRoute("line-O", suggestion: "line-0")) {
            try Planner(catalog: catalog, options: options).plan()
        }
    }
}
