import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// A team's day cut from the plan: every entry inside the day, drives in their daily parts, the night.
@Suite struct TeamDayTests {
    static func days(of route: RoutePlan, catalog: Catalog) -> [TeamDay] {
        let hours = catalog.routes.first { $0.id == route.route }?.workHours
        guard route.depart.day <= route.returnTime.day else { return [] }
        return (0...route.depart.day.days(to: route.returnTime.day)).compactMap {
            route.day(route.depart.day.adding(days: $0), workHours: hours)
        }
    }

    @Test(arguments: 0..<20)
    func everyEntryLiesInsideItsDayAndTheDrivesAddUpToTheRoute(_ seed: Int) throws {
        let catalog = RandomTours.make(seed: UInt64(seed))
        let plan = try Planner(catalog: catalog, options: PlanCheckTests.options()).plan()
        for route in plan.routes where !route.stops.isEmpty {
            let line = try #require(catalog.routes.first { $0.id == route.route })
            let days = Self.days(of: route, catalog: catalog)
            for teamDay in days {
                for entry in teamDay.entries {
                    #expect(entry.start.day == teamDay.day && entry.end.day == teamDay.day, "seed \(seed)")
                    #expect(entry.start <= entry.end, "seed \(seed) \(entry)")
                    #expect(
                        line.workHours.startMinute <= entry.start.minuteOfDay
                            && entry.end.minuteOfDay <= line.workHours.endMinute, "seed \(seed) \(entry)")
                }
                let times = teamDay.entries.map(\.start)
                #expect(times == times.sorted(), "seed \(seed)")
            }
            let km = days.flatMap(\.entries).filter { $0.kind == .drive }.reduce(0) { $0 + ($1.km ?? 0) }
            #expect(abs(km - route.km) < 0.01, "seed \(seed) \(route.route)")
            let visits = days.flatMap(\.entries).filter { $0.kind == .visit }.count
            #expect(visits == route.visitCount)
            // One night per day away, none on the day the team comes home.
            for teamDay in days {
                let nights = teamDay.entries.filter { $0.kind == .overnight }.count
                #expect(nights == (teamDay.day < route.returnTime.day ? 1 : 0), "seed \(seed) \(teamDay.day)")
            }
        }
    }

    @Test func aDriveOverTwoDaysShowsEachDaysPartAndANightOnTheRoad() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let plan = try Planner(catalog: catalog, options: PlanCheckTests.options()).plan()
        let route = try #require(plan.routes.first { $0.route == "northeast" })
        let leg = try #require(route.legs.first { $0.stretches.count > 1 })
        let first = try #require(route.day(leg.stretches[0].start.day, workHours: nil))
        let drive = try #require(first.entries.first { $0.kind == .drive && $0.from == leg.from && $0.to == leg.to })
        #expect(drive.part?.description == "1/\(leg.stretches.count)")
        #expect(drive.start == leg.stretches[0].start && drive.end == leg.stretches[0].end)
        #expect(drive.km == leg.stretches[0].km)
        let night = try #require(first.entries.last)
        #expect(night.kind == .overnight && night.isOnTheRoad && night.to == leg.to)
    }

    @Test func anAppointmentIsMarkedFixed() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let plan = try Planner(catalog: catalog, options: PlanCheckTests.options()).plan()
        let appointed = catalog.routes.flatMap(\.sites).filter { $0.appointment != nil }
        #expect(!appointed.isEmpty)
        for site in appointed {
            let stop = try #require(plan.routes.flatMap(\.stops).first { $0.site == site.id })
            #expect(stop.visits.first?.fixed == true, "\(site.id)")
            #expect(stop.visits.first?.start == site.appointment)
            #expect(stop.visits.dropFirst().allSatisfy { !$0.fixed })
        }
        #expect(plan.routes.flatMap(\.stops).flatMap(\.visits).filter(\.fixed).count == appointed.count)
    }
}
