import ECVModel
import ECVPlanning
import Foundation

/// The plan for people: per route and day, the drives with km and hours, the visits with times,
/// vehicle and client, where the team spends the night, and km per day and in all.
public struct PlanTable {
    public let plan: TourPlan
    public let catalog: Catalog
    public let language: Language

    public init(plan: TourPlan, catalog: Catalog, language: Language = .en) {
        self.plan = plan
        self.catalog = catalog
        self.language = language
    }

    /// One event of a day: a stretch of driving or a visit.
    private struct Event {
        var start: LocalDateTime
        var end: LocalDateTime
        var text: String
        var km: Double
    }

    public func rendered() -> String {
        var out = ""
        for route in plan.routes {
            out += header(route)
            var byDay: [CalendarDay: [Event]] = [:]
            var enRoute: [CalendarDay: String] = [:]
            for leg in route.legs {
                for (index, stretch) in leg.stretches.enumerated() {
                    let hours = String(format: "%.1f h", Double(minutes(from: stretch.start, to: stretch.end)) / 60)
                    byDay[stretch.start.day, default: []].append(
                        Event(
                            start: stretch.start, end: stretch.end,
                            text: "drive \(place(leg.from)) → \(place(leg.to))  \(km(stretch.km)), \(hours)"
                                + (leg.stretches.count > 1 ? " (\(index + 1)/\(leg.stretches.count))" : ""),
                            km: stretch.km))
                    if index < leg.stretches.count - 1 { enRoute[stretch.start.day] = place(leg.to) }
                }
            }
            for stop in route.stops {
                for visit in stop.visits {
                    byDay[visit.start.day, default: []].append(
                        Event(
                            start: visit.start, end: visit.end,
                            text: "inspect \(visit.vehicle)  \(clientName(visit.client)), \(place(stop.site))", km: 0))
                }
            }
            var total = 0.0
            for day in byDay.keys.sorted() {
                let events = (byDay[day] ?? []).sorted { $0.start < $1.start }
                let dayKm = events.reduce(0) { $0 + $1.km }
                total += dayKm
                out += "  \(day.weekday.rawValue.capitalized) \(day)  \(km(dayKm))\n"
                for event in events {
                    out += "    \(clock(event.start))–\(clock(event.end))  \(event.text)\n"
                }
                if let next = enRoute[day] {
                    out += "    overnight on the road to \(next)\n"
                } else if let last = events.last, day != route.returnTime.day {
                    out += "    overnight at \(overnightPlace(after: last, in: route))\n"
                }
            }
            out += "  total \(km(total)), \(route.visitCount) vehicles, \(route.workdays) working days\n\n"
        }
        out += "plan: \(km(plan.km)), \(plan.vehicleCount) vehicles scheduled, \(plan.unscheduled.count) unscheduled\n"
        for item in plan.unscheduled {
            out += "  unscheduled \(item.vehicle) at \(item.site) (\(item.route)): \(item.reason)\n"
        }
        return out
    }

    private func header(_ route: RoutePlan) -> String {
        let team = catalog.team(withID: route.team)?.name.text(in: language) ?? route.team
        return "\(route.route) — \(route.team) (\(team)): \(route.depart.day) to \(route.returnTime.day), "
            + "\(km(route.km)), \(route.visitCount) vehicles\n"
    }

    private func overnightPlace(after event: Event, in route: RoutePlan) -> String {
        let stop = route.stops.last { $0.arrive <= event.end }
        return stop.map { place($0.site) } ?? "base"
    }

    private func place(_ id: String) -> String {
        guard id != "base" else { return "base" }
        let site = catalog.site(withID: id)
        return site?.city.map { "\(id) (\($0.text(in: language)))" } ?? id
    }

    private func clientName(_ id: String) -> String {
        catalog.client(withID: id)?.name.text(in: language) ?? id
    }

    private func minutes(from start: LocalDateTime, to end: LocalDateTime) -> Int {
        start.day.days(to: end.day) * 24 * 60 + end.minuteOfDay - start.minuteOfDay
    }

    private func clock(_ moment: LocalDateTime) -> String {
        DailyHours.clock(moment.minuteOfDay)
    }

    private func km(_ value: Double) -> String {
        String(format: "%.1f km", value)
    }
}
