import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// A re-plan goes on from the published plan: the past stays as published, teams go on from where they are,
/// announced visits move only when that pays, and every vehicle is in exactly one place.
@Suite struct ReplanContinuityTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog

    static func published() throws -> TourPlan {
        var options = PlanCheckTests.options()
        options.maxIterations = 800
        return try Planner(catalog: catalog, options: options).plan()
    }

    static func replan(
        _ previous: TourPlan, from day: CalendarDay, verdicts: [String: VehicleVerdict] = [:],
        catalog: Catalog = catalog
    ) throws -> TourPlan {
        var options = PlanCheckTests.options()
        options.maxIterations = 800
        options.continuation = Continuation(previous: previous, from: day, verdicts: verdicts, catalog: catalog)
        return try Planner(catalog: catalog, options: options).plan()
    }

    static func deployable(_ vehicle: String) -> VehicleVerdict {
        VehicleVerdict(readiness: .deployable, failed: [], untested: [], subsystems: [])
    }

    static func check(_ plan: TourPlan, _ catalog: Catalog = catalog) throws -> [String] {
        var checker = PlanChecker(catalog: catalog)
        return checker.check(try PlanCheckTests.document(plan))
    }

    @Test func aTeamOnTheRoadWhenTheReplanBeginsGoesOnWithItsDrive() throws {
        let first = try Self.published()
        // A line whose first drive takes more than a day: the re-plan begins while the team is on the road.
        let route = try #require(first.routes.first { $0.legs.first.map { $0.depart.day < $0.arrive.day } ?? false })
        let leg = try #require(route.legs.first)
        let next = try Self.replan(first, from: leg.depart.day.adding(days: 1))
        let again = try #require(next.routes.first { $0.route == route.route })
        #expect(again.legs.first == leg, "the drive under way stays as published")
        #expect(again.depart == route.depart)
        #expect(try Self.check(next) == [])
        // A second re-plan a day later keeps the same first drive: no move back into days gone by.
        let third = try Self.replan(next, from: leg.depart.day.adding(days: 2))
        #expect(third.routes.first { $0.route == route.route }?.legs.first == leg)
    }

    @Test func aStopLeftWithoutVisitsByAnEarlierReplanStaysInThePastWithItsLeg() throws {
        let first = try Self.published()
        var route = try #require(first.routes.first { $0.stops.count >= 3 })
        // An earlier re-plan moved this stop's visits while the team drove there: it reached the site and drove on.
        route.stops[1].visits = []
        let from = route.legs[3].depart.day.adding(days: 1)
        let prefix = try #require(RoutePrefix(of: route, before: from))
        #expect(prefix.stops.map(\.site).prefix(2) == [route.stops[0].site, route.stops[1].site])
        #expect(prefix.stops[1].visits.isEmpty)
        #expect(
            prefix.legs.count == prefix.stops.count || prefix.legs.count == prefix.stops.count + 1,
            "legs and stops chain: \(prefix.legs.count) legs, \(prefix.stops.count) stops")
        var plan = first
        plan.routes = first.routes.map { $0.route == route.route ? route : $0 }
        let next = try Self.replan(plan, from: from)
        let again = try #require(next.routes.first { $0.route == route.route })
        #expect(again.stops[1].site == route.stops[1].site && again.stops[1].visits.isEmpty)
        #expect(try Self.check(next).filter { $0.contains("chain") } == [])
    }

    @Test func aTeamWaitingAtASiteWhoseVisitsMoveLeavesNoEarlierThanTheReplanDay() throws {
        let first = try Self.published()
        // A team that arrives at a site on one day and visits there on a later one: it waits there overnight.
        let waits = first.routes.flatMap { route in
            route.stops.indices.filter { index in
                route.stops[index].visits.first.map { route.stops[index].arrive.day < $0.start.day } ?? false
            }.map { (route, $0) }
        }
        let (route, index) = try #require(waits.first)
        let stop = route.stops[index]
        let from = try #require(stop.visits.first?.start.day)
        // The site closes on the visit day: the visits there move, and the team waits until the replan day.
        var catalog = Self.catalog
        let line = try #require(catalog.routes.firstIndex { $0.id == route.route })
        let site = try #require(catalog.routes[line].sites.firstIndex { $0.id == stop.site })
        catalog.routes[line].sites[site].unavailable.append(from)
        let next = try Self.replan(first, from: from, catalog: catalog)
        let again = try #require(next.routes.first { $0.route == route.route })
        let published = Set(route.legs.filter { $0.depart.day < from }.map { "\($0.from)→\($0.to) \($0.depart)" })
        for leg in again.legs where leg.depart.day < from {
            #expect(published.contains("\(leg.from)→\(leg.to) \(leg.depart)"), "a new leg in the past: \(leg)")
        }
        #expect(try Self.check(next, catalog) == [])
    }

    @Test func everyLegAndVisitBeforeTheReplanDayStaysAsPublished() throws {
        let first = try Self.published()
        let visits = first.routes.flatMap { $0.stops.flatMap(\.visits) }.sorted { $0.start < $1.start }
        let from = visits[visits.count / 2].start.day
        // Half of the vehicles visited so far were inspected and found deployable; the others were missed.
        let past = visits.filter { $0.start.day < from }
        let verdicts = Dictionary(
            past.enumerated().filter { $0.offset % 2 == 0 }.map {
                ($0.element.vehicle, Self.deployable($0.element.vehicle))
            },
            uniquingKeysWith: { a, _ in a })
        let next = try Self.replan(first, from: from, verdicts: verdicts)
        for route in first.routes {
            let again = try #require(next.routes.first { $0.route == route.route })
            let legsBefore = route.legs.filter { $0.depart.day < from }
            #expect(Array(again.legs.prefix(legsBefore.count)) == legsBefore, "\(route.route)")
            let visitsBefore = route.stops.flatMap(\.visits).filter { $0.start.day < from }
            #expect(again.stops.flatMap(\.visits).filter { $0.start.day < from } == visitsBefore, "\(route.route)")
        }
        // A missed vehicle is planned again, from the re-plan day on.
        for missed in past.map(\.vehicle) where verdicts[missed] == nil {
            let scheduled = next.routes.flatMap { $0.stops.flatMap(\.visits) }
                .contains { $0.vehicle == missed && $0.start.day >= from }
            #expect(scheduled || next.unscheduled.contains { $0.vehicle == missed }, "\(missed)")
        }
        #expect(try Self.check(next) == [])
    }

    @Test func everyVehicleIsDoneScheduledOrUnscheduledAndTotalsCountVehicles() throws {
        let first = try Self.published()
        let visits = first.routes.flatMap { $0.stops.flatMap(\.visits) }.sorted { $0.start < $1.start }
        let from = visits[visits.count / 3].start.day
        // A vehicle inspected before its planned day, found deployable: done, not vanished.
        let early = try #require(visits.last)
        var verdicts = [early.vehicle: Self.deployable(early.vehicle)]
        for visit in visits where visit.start.day < from { verdicts[visit.vehicle] = Self.deployable(visit.vehicle) }
        let next = try Self.replan(first, from: from, verdicts: verdicts)
        let done = Set(next.done)
        let scheduled = Set(next.scheduledVehicles)
        let unscheduled = Set(next.unscheduled.map(\.vehicle))
        #expect(done.contains(early.vehicle))
        #expect(done.isDisjoint(with: scheduled) && done.isDisjoint(with: unscheduled))
        #expect(scheduled.isDisjoint(with: unscheduled))
        #expect(done.union(scheduled).union(unscheduled) == Set(Self.catalog.vehicleIDs))
        let totals = try JSONDecoder().decode(PlanDocument.self, from: try PlanCheckTests.document(next)).totals
        #expect(totals.done == done.count)
        #expect(totals.vehicles == scheduled.count)
        #expect(totals.unscheduled == unscheduled.count)
    }

    @Test func aOneDayClosureAfterTheNoticeMovesFewVisitsAndEachMoveStatesItsSaving() throws {
        let first = try Self.published()
        let start = try #require(Self.catalog.routes.map(\.start).min())
        for route in first.routes where route.stops.count >= 3 {
            // A site closed on the day of its visit, beyond the notice, on a line nothing else touched.
            let stop = route.stops[route.stops.count / 2]
            let day = try #require(stop.visits.first).start.day
            var changed = Self.catalog
            let r = try #require(changed.routes.firstIndex { $0.id == route.route })
            let s = try #require(changed.routes[r].sites.firstIndex { $0.id == stop.site })
            changed.routes[r].sites[s].unavailable.append(day)
            let next = try Self.replan(first, from: start, catalog: changed)
            #expect(try Self.check(next, changed) == [], "\(route.route)")
            let diff = PlanDiff(from: first, to: next)
            let moved = diff.changes(.moved)
            #expect(moved.allSatisfy { $0.before?.route == route.route }, "\(route.route): other lines untouched")
            let closed = Set(stop.visits.map(\.vehicle))
            let others = moved.filter { !closed.contains($0.vehicle) }
            #expect(others.count * 3 <= route.visitCount, "\(route.route): \(others.count) of \(route.visitCount)")
            for change in others {
                #expect(change.saving.map { $0 > 0 } ?? false || change.reason?.contains("fit") == true, "\(change)")
            }
        }
    }

    @Test func aVehicleThatFailedAtItsAppointmentGetsARecheckAndItsSiteIsStillVisited() throws {
        let first = try Self.published()
        let appointed = try #require(Self.catalog.routes.flatMap(\.sites).first { $0.appointment != nil })
        let route = try #require(first.routes.first { $0.stops.contains { $0.site == appointed.id } })
        let fixed = try #require(route.stops.flatMap(\.visits).first { $0.fixed })
        let failed = VehicleVerdict(
            readiness: .notDeployable, failed: [Finding(itemID: "power.generator-start", severity: .critical)],
            untested: [], subsystems: [])
        let next = try Self.replan(first, from: fixed.start.day.adding(days: 1), verdicts: [fixed.vehicle: failed])
        let visits = next.routes.flatMap { $0.stops.flatMap(\.visits) }
        #expect(visits.contains { $0.vehicle == fixed.vehicle && $0.purpose == .recheck }, "\(next.unscheduled)")
        for vehicle in appointed.vehicles.map(\.id) where vehicle != fixed.vehicle {
            #expect(!next.unscheduled.contains { $0.vehicle == vehicle }, "\(vehicle) dropped")
        }
        var checker = PlanChecker(catalog: Self.catalog)
        let item = try #require(Self.catalog.checklists.flatMap(\.items).first { $0.fullID == "power.generator-start" })
        checker.partialMinutes[fixed.vehicle] = item.minutes
        #expect(checker.check(try PlanCheckTests.document(next)) == [])
    }

    @Test func holidaysAndTheTeamsDaysOffAreNeverIdleDays() throws {
        let first = try Self.published()
        for route in first.routes where !route.stops.isEmpty {
            let line = try #require(Self.catalog.route(withID: route.route))
            var withDaysOff = line
            // Every weekday between departure and return becomes a holiday or a day off where nothing happens.
            let span = (0...route.depart.day.days(to: route.returnTime.day)).map { route.depart.day.adding(days: $0) }
            let quiet = span.filter { day in
                !route.stops.contains { $0.visits.contains { $0.start.day == day } }
                    && !route.legs.contains { $0.stretches.contains { $0.start.day == day } }
            }
            withDaysOff.holidays += quiet.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            withDaysOff.teamUnavailable += quiet.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            #expect(route.costing(line: withDaysOff, catalog: Self.catalog).idleDays == 0, "\(route.route)")
        }
    }
}
