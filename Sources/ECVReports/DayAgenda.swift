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
            let legs = route.legs.filter { $0.depart.hasPrefix(prefix) || $0.arrive.hasPrefix(prefix) }
            let stops = route.stops.filter { stop in stop.visits.contains { $0.start.hasPrefix(prefix) } }
            guard !legs.isEmpty || !stops.isEmpty else { continue }
            out += "\(route.team) on \(route.route), \(day.weekday.name) \(day)\n"
            for leg in legs {
                out +=
                    "  \(time(leg.depart))–\(time(leg.arrive))  drive \(leg.from) → \(leg.to), "
                    + String(format: "%.1f km", leg.km) + "\n"
            }
            for stop in stops {
                let site = catalog.site(withID: stop.site)
                let address = site?.address?.text(in: language) ?? site?.city?.text(in: language) ?? stop.site
                out += "  at \(stop.site): \(address)\n"
                if let contact = site?.contact ?? site.flatMap({ catalog.client(withID: $0.clientID)?.contact }) {
                    out +=
                        "    contact: "
                        + [contact.name, contact.phone, contact.email].compactMap { $0 }.joined(separator: ", ")
                        + "\n"
                }
                for visit in stop.visits where visit.start.hasPrefix(prefix) {
                    let vehicle = site?.vehicles.first { $0.id == visit.vehicle }
                    let client = catalog.client(withID: visit.client)?.name.text(in: language) ?? visit.client
                    out +=
                        "    \(time(visit.start))–\(time(visit.end))  \(visit.vehicle)"
                        + (vehicle?.model.map { " (\($0))" } ?? "") + ", \(client), \(visit.minutes) min\n"
                }
            }
        }
        return out.isEmpty ? "no visits on \(day)" + (team.map { " for \($0)" } ?? "") + "\n" : out
    }

    private func time(_ iso: String) -> String {
        String(iso.dropFirst(11).prefix(5))
    }
}
