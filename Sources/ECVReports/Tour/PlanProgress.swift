import ECVModel
import ECVPlanning
import Foundation

/// How far the teams are along the plan, judged from the readiness board: which visits are done, the km
/// driven so far and when each vehicle is visited next.
///
/// A vehicle's first visit is done once it has results; a later visit (a recheck) once its latest result is
/// from that visit's day or after.
struct PlanProgress {
    /// Per vehicle, the days of its visits in the plan, earliest first.
    private let visitDays: [String: [CalendarDay]]
    private let rows: [String: BoardRow]
    /// The report's day: a next visit is never before it.
    private let today: CalendarDay

    /// Progress along `plan` (the published plan) as the board tells it on `today`.
    init(plan: TourPlan?, rows: [BoardRow], on today: CalendarDay) {
        self.today = today
        var days: [String: [CalendarDay]] = [:]
        for route in plan?.routes ?? [] {
            for visit in route.stops.flatMap(\.visits) { days[visit.vehicle, default: []].append(visit.start.day) }
        }
        visitDays = days.mapValues { $0.sorted() }
        self.rows = Dictionary(rows.map { ($0.vehicle, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The day of the vehicle's latest result, in China time; nil when never inspected.
    private func inspectedDay(_ vehicle: String) -> CalendarDay? {
        rows[vehicle]?.inspected.flatMap(ISOTime.calendarDay)
    }

    /// Whether the plan's visit of `vehicle` starting on `day` has been done.
    func isDone(_ vehicle: String, on day: CalendarDay) -> Bool {
        guard let inspected = inspectedDay(vehicle) else { return false }
        return visitDays[vehicle]?.first == day || !(inspected < day)
    }

    /// The km of the route's legs up to and including the leg to its last stop with a visit done.
    func kmDone(_ route: RoutePlan) -> Double {
        let lastDone = route.stops.lastIndex { stop in
            stop.visits.contains { visit in isDone(visit.vehicle, on: visit.start.day) }
        }
        // Leg i leads to stop i.
        return lastDone.map { index in route.legs.prefix(index + 1).reduce(0) { $0 + $1.km } } ?? 0
    }

    /// The first planned visit on or after the report's day and after the vehicle's latest result.
    ///
    /// `nil` when the plan has none. A visit planned for a day gone by without results is past, not next.
    func nextVisit(of vehicle: String) -> CalendarDay? {
        let inspected = inspectedDay(vehicle)
        return (visitDays[vehicle] ?? []).first { day in day >= today && inspected.map { $0 < day } ?? true }
    }
}
