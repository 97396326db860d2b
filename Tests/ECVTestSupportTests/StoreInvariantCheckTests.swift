import ECVModel
import ECVPlanning
import ECVStore
import ECVTestSupport
import Foundation
import GRDB
import Testing

/// Each store invariant check accepts a good database and catches a broken one, on real SQLite files.
@Suite struct StoreInvariantCheckTests {
    static let engineer = Actor(who: "Li Na", laptop: "lap-0")
    static let start = Date(timeIntervalSince1970: 1_804_000_000)

    /// Every item of `vehicle` passes but `failing`, through `ecv record`'s call.
    static func inspect(_ vehicle: String, failing: String? = nil, in store: Store, _ tour: SmallTour) throws {
        let placement = try #require(tour.catalog.placement(ofVehicle: vehicle))
        let entries = tour.catalog.items(applyingTo: placement.vehicle).map { item in
            item.fullID == failing
                ? ResultEntry(itemID: item.fullID, value: "fail", note: "broken", source: "test")
                : ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "test")
        }
        _ = try store.record(
            [(placement, entries)], catalog: tour.catalog, by: engineer, at: start, makeID: TimeOrderedID.make)
    }

    /// Breaks the store's rows behind its back, as a faulty release or a hand with sqlite3 would: the store's own
    /// calls keep one lifecycle, so only this way can the checks be shown to catch a breach.
    static func tamper(_ tour: SmallTour, _ sql: String, _ arguments: StatementArguments = []) throws {
        try DatabaseQueue(path: tour.folder.databasePath).write { try $0.execute(sql: sql, arguments: arguments) }
    }

    @Test func oneLifecycleAcceptsARecordedInspectionAndCatchesAnEmptyOneAndAnOpenCompleteOne() throws {
        let tour = try SmallTour()
        let store = try Store(path: tour.folder.databasePath)
        let vehicles = tour.catalog.routes[0].sites.flatMap(\.vehicles).map(\.id)
        try Self.inspect(vehicles[0], in: store, tour)
        let check = LifecycleCheck(catalog: tour.catalog)
        #expect(try check.breaches(in: store, name: "lap-0").isEmpty)

        let placement = try #require(tour.catalog.placement(ofVehicle: vehicles[1]))
        let items = tour.catalog.items(applyingTo: placement.vehicle)
        // An inspection of the second vehicle with no result: the first one's row copied under a new id.
        try Self.tamper(
            tour,
            """
            INSERT INTO inspection (id, vehicleID, clientID, siteID, routeID, equipment, teamID, engineer, laptop,
                startedAt, finishedAt, kind, checklists)
            SELECT ?, ?, clientID, siteID, routeID, equipment, teamID, engineer, laptop, startedAt, NULL, kind,
                checklists FROM inspection WHERE vehicleID = ?
            """, [TimeOrderedID.make(), vehicles[1], vehicles[0]])
        let second = try #require(tour.catalog.placement(ofVehicle: vehicles[2]))
        for item in tour.catalog.items(applyingTo: second.vehicle) {
            _ = try store.record(
                [ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "test")], for: second,
                catalog: tour.catalog, by: Self.engineer, at: Self.start, makeID: TimeOrderedID.make)
        }
        // The third vehicle's complete inspection, closed by its last answer, opened again.
        try Self.tamper(tour, "UPDATE inspection SET finishedAt = NULL WHERE vehicleID = ?", [vehicles[2]])
        let breaches = try check.breaches(in: store, name: "lap-0").map(\.detail)
        #expect(breaches.contains { $0.hasPrefix("lap-0: \(vehicles[1]) has an empty inspection") })
        #expect(
            breaches.contains { $0.hasPrefix("lap-0: \(vehicles[2])'s full inspection") && $0.hasSuffix("is open") })
        #expect(!items.isEmpty)
    }

    @Test func oneLifecycleCatchesARecheckStoredAsAFullInspection() throws {
        let tour = try SmallTour()
        let store = try Store(path: tour.folder.databasePath)
        let vehicle = tour.catalog.routes[0].sites[0].vehicles[0].id
        let placement = try #require(tour.catalog.placement(ofVehicle: vehicle))
        let failing = try #require(tour.catalog.items(applyingTo: placement.vehicle).first { $0.severity == .critical })
        try Self.inspect(vehicle, failing: failing.fullID, in: store, tour)
        _ = try store.record(
            [(placement, [ResultEntry(itemID: failing.fullID, value: failing.passingAnswer, source: "test")])],
            catalog: tour.catalog, by: Self.engineer, at: Self.start + 86_400, makeID: TimeOrderedID.make)
        // The store opened a re-check; stored as a full inspection, it breaks the lifecycle.
        try Self.tamper(tour, "UPDATE inspection SET kind = 'full' WHERE kind = 'recheck'")
        let breaches = try LifecycleCheck(catalog: tour.catalog).breaches(in: store, name: "office").map(\.detail)
        #expect(breaches.contains { $0.contains("is `full`, its state makes it a recheck") })
    }

    @Test func convergingCatchesADatabaseThatLacksAResult() throws {
        let tour = try SmallTour()
        let other = try TemporaryFolder()
        let office = try Store(path: tour.folder.databasePath)
        let laptop = try Store(path: other.databasePath)
        let check = ConvergenceCheck(catalog: tour.catalog)
        #expect(try check.breaches(among: [("office", office), ("lap-0", laptop)]).isEmpty)
        try Self.inspect(tour.catalog.routes[0].sites[0].vehicles[0].id, in: office, tour)
        let breaches = try check.breaches(among: [("office", office), ("lap-0", laptop)]).map(\.detail)
        #expect(breaches.count == 2)
        #expect(breaches.first?.hasPrefix("lap-0 lacks ") == true)
        #expect(breaches.last?.hasPrefix("lap-0's board differs from office's for 1 vehicles") == true)
    }

    @Test func reportDatesCatchesARecheckDayThatIsNotThePublishedPlans() throws {
        let tour = try SmallTour()
        let visit = tour.plan.routes[0].stops[0].visits[0]
        let later = tour.plan.routes[0].stops.flatMap(\.visits).map(\.start.day).filter { $0 > visit.start.day }.min()
        let row = BoardRow(
            vehicle: visit.vehicle, client: visit.client, route: tour.plan.routes[0].route,
            site: tour.plan.routes[0].stops[0].site,
            verdict: VehicleVerdict(
                readiness: .notDeployable, failed: [Finding(itemID: "power.generator-start", severity: .critical)],
                untested: [], subsystems: []),
            inspected: nil)
        let check = ReportDateCheck(catalog: tour.catalog, day: visit.start.day)
        #expect(check.breaches(shown: [visit.vehicle: visit.start.day], plan: tour.plan, board: [row]).isEmpty)
        let wrong = check.breaches(shown: [visit.vehicle: later], plan: tour.plan, board: [row])
        #expect(wrong.map(\.detail).contains { $0.hasSuffix("the published plan has \(visit.start.day)") })
        let past = check.breaches(
            shown: [visit.vehicle: visit.start.day.adding(days: -3)], plan: tour.plan, board: [row])
        #expect(past.contains { $0.detail.contains("gives \(visit.vehicle) a next visit on") })
        #expect(check.breaches(shown: [:], plan: tour.plan, board: [row]).count == 1)
    }

    @Test func reportDatesReadsTheRecheckColumnOfATourSummary() {
        let html = """
            <tr><td>V-1</td><td>Client 1</td><td><span class="v NOT_DEPLOYABLE">NOT DEPLOYABLE</span></td>\
            <td>Generator start</td><td>12 March 2027</td></tr>
            <tr><td>V-2</td><td>Client 1</td><td><span class="v RESTRICTED">RESTRICTED</span></td><td>x</td>\
            <td>not planned</td></tr>
            """
        let days = ReportDateCheck.recheckDays(in: html)
        #expect(days["V-1"] == .some(CalendarDay(iso: "2027-03-12")))
        #expect(days["V-2"] == .some(nil))
    }
}
