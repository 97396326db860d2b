import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// A re-plan against Routes/ changed after publishing: every visit that no longer fits moves with its reason,
/// still-fitting visits stay unless moving them pays off, other lines do not move.
@Suite struct ReplanChangeTests {
    /// One kind of change to the catalog, made on the line of the plan's first visit and aimed at that visit.
    enum Change: String, CaseIterable, CustomStringConvertible {
        case closure, holiday, hours, vehicleRemoved, vehicleAdded, appointmentMoved, teamUnavailable

        var description: String { rawValue }

        /// `catalog` changed so that `visit` (on `route`, at `siteID`) is affected.
        func apply(to catalog: Catalog, visit: RoutePlan.Visit, siteID: String, route: String) -> Catalog {
            var catalog = catalog
            guard let r = catalog.routes.firstIndex(where: { $0.id == route }),
                let s = catalog.routes[r].sites.firstIndex(where: { $0.id == siteID })
            else { return catalog }
            let day = visit.start.day
            switch self {
            case .closure: catalog.routes[r].sites[s].unavailable.append(day)
            case .holiday: catalog.routes[r].holidays.append(day)
            case .hours:
                let hours = catalog.routes[r].workHours
                catalog.routes[r].sites[s].openHours = DailyHours(
                    startMinute: max(hours.startMinute, visit.end.minuteOfDay - 1), endMinute: hours.endMinute)
            case .vehicleRemoved:
                catalog.routes[r].sites[s].vehicles.removeAll { $0.id == visit.vehicle }
            case .vehicleAdded:
                var added = catalog.routes[r].sites[s].vehicles[0]
                added.id = "NEW-01"
                catalog.routes[r].sites[s].vehicles.append(added)
            case .appointmentMoved:
                catalog.routes[r].sites[s].appointment = LocalDateTime(
                    day: catalog.routes[r].end.adding(days: -3), minuteOfDay: catalog.routes[r].workHours.startMinute)
            case .teamUnavailable:
                let team = catalog.routes[r].teamID
                for index in catalog.routes.indices where catalog.routes[index].teamID == team {
                    catalog.routes[index].teamUnavailable.append(day)
                }
            }
            return catalog
        }
    }

    static func options() -> Planner.Options {
        var options = PlanCheckTests.options()
        options.maxIterations = 600
        return options
    }

    /// Plans `before`, changes it, re-plans from the first day, and checks the result against the changed catalog.
    static func replan(_ before: Catalog, change: Change, seed: Int) throws -> (TourPlan, TourPlan, Catalog, String)? {
        let first = try Planner(catalog: before, options: options()).plan()
        guard let route = first.routes.first(where: { !$0.stops.isEmpty }), let stop = route.stops.first,
            let visit = stop.visits.first
        else { return nil }
        let after = change.apply(to: before, visit: visit, siteID: stop.site, route: route.route)
        let start = try #require(before.routes.map(\.start).min())
        var options = options()
        options.continuation = Continuation(previous: first, from: start, verdicts: [:], catalog: after)
        let next = try Planner(catalog: after, options: options).plan()
        var checker = PlanChecker(catalog: after)
        let data = try JSONEncoder().encode(PlanDocument(next, generated: .now))
        let problems = checker.check(data)
        #expect(problems == [], "\(change) seed \(seed)")
        return (first, next, after, route.route)
    }

    /// Visits of `route` by vehicle: day and team.
    static func days(_ plan: TourPlan, route: String? = nil, except: String? = nil) -> [String: CalendarDay] {
        var days: [String: CalendarDay] = [:]
        for line in plan.routes where (route == nil || line.route == route) && line.route != except {
            for visit in line.stops.flatMap(\.visits) { days[visit.vehicle] = visit.start.day }
        }
        return days
    }

    @Test(arguments: Change.allCases)
    func aChangeOnALineMovesOnlyWhatItMustThere(_ change: Change) throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        guard let (first, next, _, route) = try Self.replan(catalog, change: change, seed: 0) else { return }
        #expect(Self.days(next, except: route) == Self.days(first, except: route), "\(change)")
        let before = Self.days(first, route: route)
        for (vehicle, day) in Self.days(next, route: route) where before[vehicle].map({ $0 != day }) ?? false {
            #expect(next.reasons[vehicle] != nil, "\(change): \(vehicle) moved without a reason")
        }
    }

    @Test(arguments: Array(zip(0..<21, Change.allCases + Change.allCases + Change.allCases)))
    func randomToursChangedAtRandomReplanValidly(_ seed: Int, _ change: Change) throws {
        let catalog = RandomTours.make(seed: UInt64(seed))
        guard let (first, next, after, route) = try Self.replan(catalog, change: change, seed: seed) else { return }
        #expect(Self.days(next, except: route) == Self.days(first, except: route), "\(change) seed \(seed)")
        let before = Self.days(first, route: route)
        for (vehicle, day) in Self.days(next, route: route) where before[vehicle].map({ $0 != day }) ?? false {
            #expect(next.reasons[vehicle] != nil, "\(change) seed \(seed): \(vehicle) moved without a reason")
        }
        #expect(next.vehicleCount + next.unscheduled.count == after.placements.count, "seed \(seed)")
        if change == .closure {
            // A one-day closure moves at most a third of its line's visits besides the closed one.
            let moved = Self.days(next, route: route).filter { vehicle, day in
                before[vehicle].map { $0 != day } ?? false
            }
            let visits = first.routes.first { $0.route == route }?.visitCount ?? 0
            #expect((moved.count - 1) * 3 <= visits, "seed \(seed): \(moved.count) of \(visits) moved")
        }
    }

    @Test func aClosedDayMovesTheVisitWithTheClosureAsItsReason() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        guard let (first, next, _, route) = try Self.replan(catalog, change: .closure, seed: 0) else { return }
        let stop = try #require(first.routes.first { $0.route == route }?.stops.first)
        let vehicle = try #require(stop.visits.first)
        #expect(next.reasons[vehicle.vehicle] == "\(stop.site) closed on \(vehicle.start.day)")
        #expect(Self.days(next)[vehicle.vehicle] != vehicle.start.day)
    }

    @Test func frozenVisitsStayExactlyAndARepairDateHoldsTheRecheckBack() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let first = try Planner(catalog: catalog, options: Self.options()).plan()
        let route = try #require(first.routes.first { $0.route == "northwest" })
        let visits = route.stops.flatMap(\.visits).sorted { $0.start < $1.start }
        let inspected = visits[0]
        let freeze = visits[visits.count / 2].start.day
        let from = inspected.start.day.adding(days: 1)
        let items = catalog.items(applyingTo: try #require(catalog.placement(ofVehicle: inspected.vehicle)).vehicle)
        let verdict = ContinuationTests.verdict(items: items, first: .fail)
        let ready = freeze.adding(days: 7)
        var options = Self.options()
        options.continuation = Continuation(
            previous: first, from: from, verdicts: [inspected.vehicle: verdict], catalog: catalog,
            limits: .init(freezeUntil: freeze, ready: [inspected.vehicle: ready]))
        let next = try Planner(catalog: catalog, options: options).plan()
        let nextRoute = try #require(next.routes.first { $0.route == "northwest" })
        let frozen = visits.filter { $0.start.day >= from && $0.start.day < freeze }
        for visit in frozen {
            #expect(nextRoute.stops.flatMap(\.visits).contains(visit), "\(visit.vehicle)")
        }
        let recheck = nextRoute.stops.flatMap(\.visits).first {
            $0.vehicle == inspected.vehicle && $0.purpose == .recheck
        }
        let unscheduled = next.unscheduled.contains { $0.vehicle == inspected.vehicle }
        #expect(recheck.map { $0.start.day >= ready } ?? unscheduled)
    }
}
