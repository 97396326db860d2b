import ECVModel
import ECVPlanning

/// The visits of a plan document with their days, route and purpose: what the season's checks count.
struct PlanVisitList {
    struct Entry {
        var route: String
        var site: String
        var vehicle: String
        var day: CalendarDay
        var purpose: RoutePlan.Visit.Purpose
        var visit: PlanDocument.Visit
    }

    let entries: [Entry]

    init(_ document: PlanDocument) {
        entries = document.routes.flatMap { route in
            route.stops.flatMap { stop in
                stop.visits.map { visit in
                    Entry(
                        route: route.route, site: stop.site, vehicle: visit.vehicle,
                        day: PlanVisitList.day(of: visit.start) ?? CalendarDay(daysSinceEpoch: 0),
                        purpose: visit.purpose ?? .inspection, visit: visit)
                }
            }
        }
    }

    /// The visits on or after `day` (every visit when `day` is nil): what is still to do.
    func upcoming(from day: CalendarDay?) -> [Entry] {
        entries.filter { entry in day.map { entry.day >= $0 } ?? true }
    }

    /// The day of an `ecv-plan/1` moment, `YYYY-MM-DDTHH:MM:SS±HH:MM`, in the route's own zone.
    static func day(of moment: String) -> CalendarDay? {
        CalendarDay(iso: moment.prefix(10))
    }
}
