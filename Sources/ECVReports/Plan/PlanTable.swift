import ECVModel
import ECVPlanning
import Foundation

/// The plan for people: team by team, its lines in the order it drives them, per day the drives with km and
/// hours, the visits with times, vehicle and client, where the team spends the night, the working days
/// without work and why, and km per day and in all.
public struct PlanTable {
    /// The plan to show.
    public let plan: TourPlan
    /// The Routes/ the names come from.
    public let catalog: Catalog
    /// The language of the words and names.
    public let language: Language

    /// A table of `plan`, in English by default.
    public init(plan: TourPlan, catalog: Catalog, language: Language = .en) {
        self.plan = plan
        self.catalog = catalog
        self.language = language
        names = PlaceNames(catalog: catalog, language: language)
    }

    private let names: PlaceNames
    private var messages: Messages { Messages(language) }

    /// The table as text: each team's lines in time order, then the totals, the unscheduled vehicles and the advice.
    public func rendered() -> String {
        var out = ""
        write { out += $0 }
        return out
    }

    /// The table piece by piece, one line of a team at a time, then the totals: a long plan reaches its reader
    /// while the rest is being written, and is never held whole.
    public func write(_ emit: (String) -> Void) {
        let teams = plan.routes.map(\.team).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for team in teams {
            // A team drives its lines one after the other: in time order, a line without visits last.
            let routes = plan.routes.filter { $0.team == team }
                .sorted { ($0.stops.isEmpty ? 1 : 0, $0.depart) < ($1.stops.isEmpty ? 1 : 0, $1.depart) }
            for route in routes { emit(rendered(route)) }
        }
        let workdays = plan.routes.reduce(0) { $0 + $1.workdays }
        var out =
            "plan: \(PlaceNames.km(plan.km)), \(plan.vehicleCount) vehicles scheduled, "
            + "\(Set(plan.unscheduled.map(\.vehicle)).count) unscheduled"
            + (plan.from == nil ? "" : ", \(plan.done.count) done before \(plan.from?.description ?? "")")
            + ", \(workdays) working days"
            + (plan.cost.map { ", cost \(String(format: "%.0f", $0))" } ?? "") + "\n"
        for item in plan.unscheduled {
            out += "  unscheduled \(item.vehicle) at \(item.site) (\(item.route)): \(item.reason(in: messages))\n"
        }
        for advice in plan.advice {
            out +=
                "  advice: \(advice.route) ending on \(advice.end) (\(advice.addedWorkdays) more working "
                + "day\(advice.addedWorkdays == 1 ? "" : "s")) would fit its \(advice.vehicles) vehicle"
                + "\(advice.vehicles == 1 ? "" : "s") left out for lack of time\n"
        }
        emit(out)
    }

    private func rendered(_ route: RoutePlan) -> String {
        var out = header(route)
        let line = catalog.route(withID: route.route)
        var byDay: [CalendarDay: [String]] = [:]
        var kmByDay: [CalendarDay: Double] = [:]
        for day in route.stops.isEmpty ? [] : Array(days(from: route.depart.day, to: route.returnTime.day)) {
            guard let teamDay = route.day(day, workHours: line?.workHours) else { continue }
            let events = teamDay.entries.filter { $0.kind != .overnight }
            if events.isEmpty {
                if let line, let idle = route.idleReason(on: day, line: line, catalog: catalog) {
                    byDay[day] =
                        ["    no work: " + names.idle(idle, team: route.team)]
                        + teamDay.entries.map { "    " + text($0, team: route.team) }
                }
                continue
            }
            kmByDay[day] = events.reduce(0) { $0 + ($1.km ?? 0) }
            byDay[day] = teamDay.entries.map { "    " + text($0, team: route.team) }
        }
        for day in byDay.keys.sorted() {
            out += "  \(day.weekday.rawValue.capitalized) \(day)  \(PlaceNames.km(kmByDay[day] ?? 0))\n"
            out += (byDay[day] ?? []).joined(separator: "\n") + "\n"
        }
        out +=
            "  total \(PlaceNames.km(route.km)), \(route.vehicleCount) vehicles, \(route.workdays) working days"
            + (route.cost.map { ", \($0.idleDays) idle, cost \(String(format: "%.0f", $0.cost))" } ?? "") + "\n\n"
        return out
    }

    private func days(from first: CalendarDay, to last: CalendarDay) -> [CalendarDay] {
        guard first <= last else { return [] }
        return (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    private func text(_ entry: TeamDay.Entry, team: String) -> String {
        let times = "\(PlaceNames.clock(entry.start))–\(PlaceNames.clock(entry.end))"
        switch entry.kind {
        case .drive:
            let hours = String(format: "%.1f h", Double(entry.end.minuteOfDay - entry.start.minuteOfDay) / 60)
            return "\(times)  drive \(names.place(entry.from ?? "base", team: team)) → "
                + "\(names.place(entry.to ?? "base", team: team))  \(PlaceNames.km(entry.km ?? 0)), \(hours)"
                + (entry.part.map { " (\($0.description))" } ?? "")
        case .visit:
            let purpose = entry.purpose.map { $0 == .inspection ? "" : " (\($0.rawValue))" } ?? ""
            return "\(times)  inspect \(entry.vehicle ?? "")\(purpose)  \(names.client(entry.client ?? "")), "
                + names.place(entry.site ?? "", team: team) + (entry.fixed ? ", fixed appointment" : "")
        case .overnight:
            return entry.isOnTheRoad
                ? "overnight on the road to \(names.place(entry.to ?? "base", team: team))"
                : "overnight at \(names.place(entry.site ?? "base", team: team))"
        }
    }

    private func header(_ route: RoutePlan) -> String {
        let line = catalog.route(withID: route.route)?.name.text(in: language) ?? route.route
        return "\(route.route) (\(line)) — \(route.team) (\(names.team(route.team))): "
            + "\(route.depart.day) to \(route.returnTime.day) from and to "
            + "\(names.place("base", team: route.team)), \(PlaceNames.km(route.km)), \(route.vehicleCount) vehicles\n"
    }
}
