import ECVModel
import ECVPlanning

/// A team's day from a stored plan: where to drive, which vehicles to inspect, whom to call.
public struct DayAgenda {
    public let plan: PlanDocument
    public let catalog: Catalog
    public let language: Language

    public init(plan: PlanDocument, catalog: Catalog, language: Language = .en) {
        self.plan = plan
        self.catalog = catalog
        self.language = language
    }

    /// The agenda of `day` for `team` (every team when nil).
    public func rendered(day: CalendarDay, team: String?) -> String {
        let prefix = day.description
        var out = ""
        for route in plan.routes where team == nil || route.team == team {
            let onDay = { (leg: PlanDocument.Leg) in leg.depart.hasPrefix(prefix) || leg.arrive.hasPrefix(prefix) }
            let hasVisits = { (stop: PlanDocument.Stop) in stop.visits.contains { $0.start.hasPrefix(prefix) } }
            guard route.legs.contains(where: onDay) || route.stops.contains(where: hasVisits) else { continue }
            out += "\(route.team) on \(route.route), \(day.weekday.name) \(day)\n"
            // Leg i leads to stop i, the last leg home: the day in the order the team lives it.
            for index in route.legs.indices {
                let leg = route.legs[index]
                if onDay(leg) {
                    out +=
                        "  \(time(leg.depart))–\(time(leg.arrive))  drive \(leg.from) → \(leg.to), "
                        + String(format: "%.1f km", leg.km) + "\n"
                }
                if index < route.stops.count, hasVisits(route.stops[index]) {
                    out += stopLines(route.stops[index], prefix: prefix)
                }
            }
        }
        return out.isEmpty ? "no visits on \(day)" + (team.map { " for \($0)" } ?? "") + "\n" : out
    }

    private func stopLines(_ stop: PlanDocument.Stop, prefix: String) -> String {
        let site = catalog.site(withID: stop.site)
        let address = site?.address?.text(in: language) ?? site?.city?.text(in: language) ?? stop.site
        var out = "  at \(stop.site): \(address)\n"
        if let contact = site?.contact ?? site.flatMap({ catalog.client(withID: $0.clientID)?.contact }) {
            out +=
                "    contact: "
                + [contact.name, contact.phone, contact.email].compactMap { $0 }.joined(separator: ", ") + "\n"
        }
        for visit in stop.visits where visit.start.hasPrefix(prefix) {
            let vehicle = site?.vehicles.first { $0.id == visit.vehicle }
            let client = catalog.client(withID: visit.client)?.name.text(in: language) ?? visit.client
            out +=
                "    \(time(visit.start))–\(time(visit.end))  \(visit.vehicle)"
                + (vehicle?.model.map { " (\($0))" } ?? "") + ", \(client), \(visit.minutes) min"
                + (visit.purpose.map { ", \($0.rawValue) only" } ?? "") + "\n"
        }
        return out
    }

    private func time(_ iso: String) -> String {
        String(iso.dropFirst(11).prefix(5))
    }
}
