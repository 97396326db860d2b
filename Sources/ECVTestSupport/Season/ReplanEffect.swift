import ECVModel
import ECVPlanning

/// What one replan did to the published plan, measured the way a dispatcher and the clients feel it: announced
/// visits moved, working days, idle days and cost, summed over the lines.
public struct ReplanEffect: Sendable {
    /// Visits of the previous plan on or after the replan day that the new plan has at another time.
    public var movedVisits: Int
    /// Visits of the previous plan on or after the replan day that the new plan no longer has (the vehicle was
    /// inspected early, left Routes/, or no longer fits).
    public var droppedVisits: Int
    /// The visits of the previous plan on or after the replan day.
    public var announcedVisits: Int
    /// Working days of all lines, before and after.
    public var workdays: (before: Int, after: Int)
    /// Idle working days of all lines, before and after.
    public var idleDays: (before: Int, after: Int)
    /// Cost of all lines at their rates, before and after.
    public var cost: (before: Double, after: Double)

    /// The effect of replacing `previous` by `next` from `day`, with the lines of `catalog`.
    public init(from previous: TourPlan, to next: TourPlan, on day: CalendarDay, catalog: Catalog) {
        func visits(_ plan: TourPlan) -> [String: LocalDateTime] {
            var starts: [String: LocalDateTime] = [:]
            for route in plan.routes {
                for visit in route.stops.flatMap(\.visits) where visit.start.day >= day {
                    starts["\(visit.vehicle) \(visit.purpose.rawValue)"] = visit.start
                }
            }
            return starts
        }
        let before = visits(previous)
        let after = visits(next)
        announcedVisits = before.count
        movedVisits = before.filter { visit in after[visit.key].map { $0 != visit.value } ?? false }.count
        droppedVisits = before.filter { after[$0.key] == nil }.count
        func totals(_ plan: TourPlan) -> (workdays: Int, idle: Int, cost: Double) {
            plan.routes.reduce((0, 0, 0.0)) { sum, route in
                guard let line = catalog.route(withID: route.route) else { return sum }
                let cost = route.costing(line: line, catalog: catalog)
                return (sum.0 + route.workdays, sum.1 + cost.idleDays, sum.2 + cost.cost)
            }
        }
        let old = totals(previous)
        let new = totals(next)
        workdays = (old.workdays, new.workdays)
        idleDays = (old.idle, new.idle)
        cost = (old.cost, new.cost)
    }
}
