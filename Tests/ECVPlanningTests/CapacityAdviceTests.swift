import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Testing

/// Advice for vehicles left out for lack of time: the end date that fits them, and it does.
@Suite struct CapacityAdviceTests {
    static func shortened(_ route: String, to end: String) throws -> Catalog {
        var catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let index = try #require(catalog.routes.firstIndex { $0.id == route })
        catalog.routes[index].end = try #require(CalendarDay(iso: end))
        return catalog
    }

    @Test func aLineTooShortForItsVehiclesIsToldTheEndThatFitsThemAndThatEndDoes() throws {
        let catalog = try Self.shortened("northwest", to: "2027-03-12")
        var options = PlanCheckTests.options()
        options.routes = ["northwest"]
        options.advice = true
        let plan = try Planner(catalog: catalog, options: options).plan()
        let left = plan.unscheduled.filter(\.forLackOfTime)
        try #require(!left.isEmpty)
        let advice = try #require(plan.advice.first)
        #expect(plan.advice.count == 1)
        #expect(advice.route == "northwest" && advice.vehicles == left.count)
        #expect(advice.end > (try #require(CalendarDay(iso: "2027-03-12"))))

        var extended = catalog
        let index = try #require(extended.routes.firstIndex { $0.id == "northwest" })
        extended.routes[index].end = advice.end
        options.advice = false
        let again = try Planner(catalog: extended, options: options).plan()
        #expect(again.unscheduled.isEmpty, "\(again.unscheduled)")
        // One working day less does not fit them all, or the advice would have said so.
        if advice.addedWorkdays > 1 {
            var shorter = catalog
            var day = advice.end.adding(days: -1)
            while !extended.routes[index].isWorkday(day) { day = day.adding(days: -1) }
            shorter.routes[index].end = day
            #expect(!(try Planner(catalog: shorter, options: options).plan()).unscheduled.isEmpty)
        }
    }

    /// On generated tours too short for their vehicles: every line with vehicles left out for lack of time gets
    /// advice, and planning each such line alone with the advised end schedules every vehicle of it.
    @Test(arguments: [UInt64(11), 12, 13])
    func theAdvisedEndFitsTheLeftOutVehiclesOfGeneratedTours(_ seed: UInt64) throws {
        let folder = try TemporaryFolder()
        try CatalogGenerator(teams: 2, sitesPerRoute: 6, vehiclesPerSite: 3, days: 4, seed: seed).write(
            to: folder.url, checklistsFrom: ProjectPaths.sampleCatalog.appendingPathComponent("Checklists"))
        let catalog = CatalogLoader.load(root: folder.url).catalog
        var options = PlanCheckTests.options(seed: seed)
        options.maxIterations = 200
        options.advice = true
        let plan = try Planner(catalog: catalog, options: options).plan()
        let short = Set(plan.unscheduled.filter(\.forLackOfTime).map(\.route))
        try #require(!short.isEmpty, "the generated lines are too short for their vehicles")
        #expect(Set(plan.advice.map(\.route)) == short)
        for advice in plan.advice {
            var extended = catalog
            let index = try #require(extended.routes.firstIndex { $0.id == advice.route })
            extended.routes[index].end = advice.end
            var again = options
            again.routes = [advice.route]
            again.advice = false
            let fitted = try Planner(catalog: extended, options: again).plan()
            #expect(fitted.unscheduled.isEmpty, "\(advice.route) to \(advice.end): \(fitted.unscheduled)")
        }
    }

    @Test func aVehicleLeftOutForAMissingSkillGetsNoAdvice() throws {
        var catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let team = try #require(catalog.teams.firstIndex { $0.id == "team-nw" })
        catalog.teams[team].skills = []
        var options = PlanCheckTests.options()
        options.routes = ["northwest"]
        options.advice = true
        let plan = try Planner(catalog: catalog, options: options).plan()
        #expect(!plan.unscheduled.isEmpty)
        #expect(plan.unscheduled.allSatisfy { !$0.forLackOfTime })
        #expect(plan.advice.isEmpty)
    }
}
