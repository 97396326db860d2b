import ECVModel
import ECVPlanning
import Foundation

/// Teams' days of the published plan for people (a table) and for tools (`ecv-today/1`): where to drive,
/// which vehicles to inspect, whom to call, where to sleep.
public struct DayAgenda {
    public let days: [TeamDay]
    public let day: CalendarDay
    /// The plan version the days come from.
    public let version: Int
    public let catalog: Catalog
    public let language: Language

    public init(days: [TeamDay], day: CalendarDay, version: Int, catalog: Catalog, language: Language = .en) {
        self.days = days
        self.day = day
        self.version = version
        self.catalog = catalog
        self.language = language
    }

    private var names: PlaceNames { PlaceNames(catalog: catalog, language: language) }

    /// The days as text, one block per team.
    public func rendered() -> String {
        guard !days.isEmpty else { return "no visits on \(day) in plan version \(version)\n" }
        var out = ""
        for teamDay in days {
            out +=
                "\(teamDay.team) (\(names.team(teamDay.team))) on \(teamDay.route), "
                + "\(day.weekday.rawValue.capitalized) \(day) — plan version \(version)\n"
            if let idle = teamDay.idle { out += "  no work: \(names.idle(idle, team: teamDay.team))\n" }
            var lastSite: String?
            for entry in teamDay.entries {
                out += line(entry, team: teamDay.team, lastSite: &lastSite)
            }
        }
        return out
    }

    private func line(_ entry: TeamDay.Entry, team: String, lastSite: inout String?) -> String {
        let times = "\(PlaceNames.clock(entry.start))–\(PlaceNames.clock(entry.end))"
        switch entry.kind {
        case .drive:
            let from = names.place(entry.from ?? "base", team: team)
            let to = names.place(entry.to ?? "base", team: team)
            return "  \(times)  drive \(from) → \(to), \(PlaceNames.km(entry.km ?? 0))"
                + (entry.part.map { ", part \($0.description)" } ?? "") + "\n"
        case .visit:
            var out = ""
            if let site = entry.site, site != lastSite {
                out += siteLines(site)
                lastSite = site
            }
            let vehicle = entry.vehicle.flatMap { catalog.placement(ofVehicle: $0) }?.vehicle
            let purpose: String
            switch entry.purpose ?? .inspection {
            case .inspection: purpose = ""
            case .recheck: purpose = ", recheck of failed items"
            case .completion: purpose = ", completion of untested items"
            }
            return out + "  \(times)  inspect \(entry.vehicle ?? "")" + (vehicle?.model.map { " (\($0))" } ?? "")
                + ", \(names.client(entry.client ?? "")), \(entry.minutes ?? 0) min" + purpose
                + (entry.fixed ? ", FIXED appointment" : "") + "\n"
        case .overnight:
            let place =
                entry.isOnTheRoad
                ? "on the road from \(names.place(entry.from ?? "base", team: team)) to "
                    + names.place(entry.to ?? "base", team: team)
                : "at " + names.place(entry.site ?? "base", team: team)
            return "  \(PlaceNames.clock(entry.start))        overnight \(place)\n"
        }
    }

    private func siteLines(_ id: String) -> String {
        let site = catalog.site(withID: id)
        let address = site?.address?.text(in: language) ?? site?.city?.text(in: language) ?? id
        var out = "  at \(id): \(address)\n"
        if let contact = site?.contact ?? site.flatMap({ catalog.client(withID: $0.clientID)?.contact }) {
            out +=
                "    contact: "
                + [contact.name, contact.phone, contact.email].compactMap { $0 }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// The days as `ecv-today/1` JSON.
    public func json() -> String {
        let document = TodayDocument(
            date: day.description, plan: version,
            teams: days.map { teamDay in
                TodayDocument.Team(
                    team: teamDay.team, route: teamDay.route,
                    entries: teamDay.entries.map { TodayDocument.Entry($0, timeZone: teamDay.timeZone) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// `ecv today --format json`, the contract `ecv-today/1`: every entry lies inside the day, times in
/// ISO 8601 with offset.
public struct TodayDocument: Codable, Sendable, Equatable {
    public var format = "ecv-today/1"
    public var date: String
    public var plan: Int
    public var teams: [Team]

    public struct Team: Codable, Sendable, Equatable {
        public var team: String
        public var route: String
        public var entries: [Entry]
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var kind: TeamDay.Entry.Kind
        public var start: String
        public var end: String
        public var from: String?
        public var to: String?
        public var km: Double?
        /// `1/3` for the first day of a drive over three.
        public var part: String?
        public var site: String?
        public var vehicle: String?
        public var client: String?
        public var minutes: Int?
        /// Visits only: whether the start keeps an appointment.
        public var fixed: Bool?
        /// Visits only: `full`, `recheck` or `completion`.
        public var purpose: String?

        init(_ entry: TeamDay.Entry, timeZone: String) {
            kind = entry.kind
            start = ISOTime.string(entry.start, timeZone: timeZone)
            end = ISOTime.string(entry.end, timeZone: timeZone)
            from = entry.from
            to = entry.to
            km = entry.km.map(PlanDocument.tenths)
            part = entry.part?.description
            site = entry.site
            vehicle = entry.vehicle
            client = entry.client
            minutes = entry.minutes
            if entry.kind == .visit {
                fixed = entry.fixed
                purpose = entry.purpose.map { $0 == .inspection ? "full" : $0.rawValue }
            }
        }
    }
}
