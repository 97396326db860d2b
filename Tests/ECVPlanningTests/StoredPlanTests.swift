import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// A stored `ecv-plan/1` document read back into the typed plan.
@Suite struct StoredPlanTests {
    static func json(_ plan: TourPlan) throws -> String {
        String(decoding: try JSONEncoder().encode(PlanDocument(plan, generated: .now)), as: UTF8.self)
    }

    @Test(arguments: 0..<10)
    func aStoredPlanReadsBackAsThePlanItWas(_ seed: Int) throws {
        let catalog = RandomTours.make(seed: UInt64(seed))
        let plan = try Planner(catalog: catalog, options: PlanCheckTests.options()).plan()
        let stored = try TourPlan(json: Self.json(plan))
        #expect(stored.routes.map(\.route) == plan.routes.map(\.route))
        for (before, after) in zip(plan.routes, stored.routes) {
            #expect(before.stops.map(\.visits) == after.stops.map(\.visits), "seed \(seed)")
            #expect(before.legs.map(\.stretches.count) == after.legs.map(\.stretches.count))
            #expect(before.legs.flatMap(\.stretches).map(\.start) == after.legs.flatMap(\.stretches).map(\.start))
            #expect(before.timeZone == after.timeZone)
            #expect(before.workdays == after.workdays)
        }
        #expect(stored.unscheduled == plan.unscheduled)
        // Once stored, storing again changes nothing: km are already rounded to 0.1.
        #expect(try TourPlan(json: Self.json(stored)) == stored)
    }

    @Test func aStoredPlanThatCannotBeReadIsAnErrorNamingItsVersionInOneLine() throws {
        let catalog = RandomTours.make(seed: 1)
        let plan = try Planner(catalog: catalog, options: PlanCheckTests.options()).plan()
        let read = try StoredPlan(json: Self.json(plan), version: 4, routes: catalog.routes)
        #expect(read.version == 4)
        #expect(read.plan.routes.map(\.route) == plan.routes.map(\.route))
        for damaged in ["{\"format\":\"ecv-plan/1\"", "", "[1, 2]"] {
            #expect {
                try StoredPlan(json: damaged, version: 4, routes: catalog.routes)
            } throws: { error in
                let text = (error as? StoredPlanError)?.description ?? ""
                return text.hasPrefix("plan version 4 in the database cannot be read") && !text.contains("\n")
            }
        }
    }

    @Test func aLegStoredWithoutItsStretchesIsSplitAtTheEndsOfWorkingDays() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        // Northeast works 07:30–17:30 Monday to Saturday; a drive from Monday 07:30 to Tuesday 09:30.
        let json = """
            {"format":"ecv-plan/1","generated":"2027-02-01T08:00:00+08:00","seed":1,"routes":[{"route":"northeast",
            "team":"team-ne","depart":"2027-04-12T07:30:00+08:00","return":"2027-04-13T16:00:00+08:00",
            "stops":[{"site":"dl-fire-1","arrive":"2027-04-13T09:30:00+08:00","depart":"2027-04-13T16:00:00+08:00",
            "visits":[{"vehicle":"LN-FIRE-01","client":"ln-fire","start":"2027-04-13T09:30:00+08:00",
            "end":"2027-04-13T12:00:00+08:00","minutes":150}]}],"legs":[{"from":"base","to":"dl-fire-1","km":1000,
            "depart":"2027-04-12T07:30:00+08:00","arrive":"2027-04-13T09:30:00+08:00","driveMinutes":720},
            {"from":"dl-fire-1","to":"base","km":0,"depart":"2027-04-13T16:00:00+08:00",
            "arrive":"2027-04-13T16:00:00+08:00","driveMinutes":0}],"totals":{"km":1000,"driveMinutes":720,
            "serviceMinutes":150,"workdays":2,"vehicles":1}}],"unscheduled":[],"totals":{"km":1000,"vehicles":1,
            "unscheduled":0}}
            """
        let plan = try TourPlan(json: json, routes: catalog.routes)
        let hours = try #require(catalog.routes.first { $0.id == "northeast" }).workHours
        let stretches = try #require(plan.routes.first?.legs.first?.stretches)
        #expect(stretches.count == 2)
        #expect(stretches.map(\.start.day.description) == ["2027-04-12", "2027-04-13"])
        #expect(stretches[0].end.minuteOfDay == hours.endMinute)
        #expect(stretches[1].start.minuteOfDay == hours.startMinute)
        #expect(abs(stretches.reduce(0) { $0 + $1.km } - 1000) < 0.001)
        #expect(plan.routes.first?.timeZone == "Asia/Shanghai")
    }

    @Test(arguments: [
        ("2027-04-12 07:30", PlanReadError.badTime(route: "r", field: "depart", value: "2027-04-12 07:30")),
        ("2027-04-12T07:30:00Z", .badTime(route: "r", field: "depart", value: "2027-04-12T07:30:00Z")),
        ("2027-02-30T07:30:00+08:00", .badTime(route: "r", field: "depart", value: "2027-02-30T07:30:00+08:00")),
    ])
    func aTimeThatIsNotAPlanTimeIsRefusedWithItsRouteAndField(_ time: String, _ error: PlanReadError) throws {
        let json = """
            {"format":"ecv-plan/1","generated":"x","seed":1,"routes":[{"route":"r","team":"t","depart":"\(time)",
            "return":"2027-04-12T07:30:00+08:00","stops":[],"legs":[],"totals":{"km":0,"driveMinutes":0,
            "serviceMinutes":0,"workdays":0,"vehicles":0}}],"unscheduled":[],"totals":{"km":0,"vehicles":0,"unscheduled":0}}
            """
        #expect(throws: error) { try TourPlan(json: json) }
    }

    @Test func textThatIsNoPlanIsRefused() {
        #expect(throws: PlanReadError.notAPlan) { try TourPlan(json: "{\"format\":\"ecv-plan/1\"}") }
        #expect(throws: PlanReadError.notAPlan) { try TourPlan(json: "") }
    }
}
