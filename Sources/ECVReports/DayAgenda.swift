import ECVModel
import ECVPlanning
import Foundation

/// Teams' days of the published plan for people (a table) and for tools (`ecv-today/1`): where to drive,
/// which vehicles to inspect, whom to call, where to sleep.
public struct DayAgenda {
    /// The teams' days of `day`, in team order.
    public let days: [TeamDay]
    /// The day shown.
    public let day: CalendarDay
    /// The plan version the days come from.
    public let version: Int
    /// The Routes/ the names come from.
    public let catalog: Catalog
    /// The language of the text: words, weekdays and names.
    public let language: Language

    /// The agenda of `days` on `day` from plan `version`, in English by default.
    public init(days: [TeamDay], day: CalendarDay, version: Int, catalog: Catalog, language: Language = .en) {
        self.days = days
        self.day = day
        self.version = version
        self.catalog = catalog
        self.language = language
    }

    private var messages: Messages { Messages(language) }

    /// Places, clients and teams named in the language `messages` speaks.
    private func names(_ messages: Messages) -> PlaceNames {
        PlaceNames(catalog: catalog, language: messages.language)
    }

    /// The days as text in the reader's language, one block per team.
    public func rendered() -> String {
        guard !days.isEmpty else { return messages("today.none", day.description, String(version)) + "\n" }
        var out = ""
        for teamDay in days {
            out +=
                messages.sentence { messages in
                    messages(
                        "today.team", teamDay.team,
                        names(messages).team(teamDay.team), teamDay.route,
                        messages.weekday(day.weekday), day.description, String(version))
                } + "\n"
            if let idle = teamDay.idle {
                let reason = messages.sentence { messages in
                    messages(
                        "today.no-work",
                        names(messages).idle(idle, team: teamDay.team))
                }
                out += "  " + reason + "\n"
            }
            var lastSite: String?
            for entry in teamDay.entries {
                out += line(entry, team: teamDay.team, lastSite: &lastSite)
            }
        }
        return out
    }

    private func line(_ entry: TeamDay.Entry, team: String, lastSite: inout String?) -> String {
        let times = "\(PlaceNames.clock(entry.start))–\(PlaceNames.clock(entry.end))"
        var out = ""
        if entry.kind == .visit, let site = entry.site, site != lastSite {
            out += siteLines(site)
            lastSite = site
        }
        let said = messages.sentence { messages in describe(entry, team: team, messages) }
        let start = entry.kind == .overnight ? "\(PlaceNames.clock(entry.start))      " : times
        return out + "  \(start)  \(said)\n"
    }

    /// A drive, visit or night in one language, without its times.
    private func describe(_ entry: TeamDay.Entry, team: String, _ messages: Messages) -> String {
        let names = self.names(messages)
        switch entry.kind {
        case .drive:
            let from = names.place(entry.from ?? "base", team: team)
            let to = names.place(entry.to ?? "base", team: team)
            let parts =
                [messages("today.drive", from, to), names.distance(entry.km ?? 0)]
                + (entry.part.map { [messages("today.part", $0.description)] } ?? [])
            return parts.joined(separator: messages.comma)
        case .visit:
            let vehicle = entry.vehicle.flatMap { catalog.placement(ofVehicle: $0) }?.vehicle
            var parts = [
                messages("today.visit", (entry.vehicle ?? "") + (vehicle?.model.map { " (\($0))" } ?? "")),
                names.client(entry.client ?? ""), names.duration(minutes: entry.minutes ?? 0),
            ]
            switch entry.purpose ?? .inspection {
            case .inspection: break
            case .recheck: parts.append(messages("today.recheck"))
            case .completion: parts.append(messages("today.completion"))
            }
            if entry.fixed { parts.append(messages("today.fixed")) }
            return parts.joined(separator: messages.comma)
        case .overnight:
            return entry.isOnTheRoad
                ? messages(
                    "today.overnight-road", names.place(entry.from ?? "base", team: team),
                    names.place(entry.to ?? "base", team: team))
                : messages("today.overnight-at", names.place(entry.site ?? "base", team: team))
        }
    }

    private func siteLines(_ id: String) -> String {
        let names = names(messages)
        var out = "  " + messages("today.site", id, names.address(ofSite: id) ?? id) + "\n"
        if let contact = names.contact(ofSite: id) {
            let reach = [contact.name, contact.phone, contact.email].compactMap { $0 }.joined(separator: messages.comma)
            out += "    " + messages("today.contact", reach) + "\n"
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
    /// Always `ecv-today/1`.
    public var format = "ecv-today/1"
    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// The published plan's version.
    public var plan: Int
    /// One per team that works the day.
    public var teams: [Team]

    /// One team's day.
    public struct Team: Codable, Sendable, Equatable {
        /// The team's id.
        public var team: String
        /// The line it works on.
        public var route: String
        /// Its drives, visits and night, in time order.
        public var entries: [Entry]
    }

    /// A drive, a visit or the night.
    public struct Entry: Codable, Sendable, Equatable {
        /// `drive`, `visit` or `overnight`.
        public var kind: TeamDay.Entry.Kind
        /// When it starts, ISO 8601 with the line's offset.
        public var start: String
        /// When it ends.
        public var end: String
        /// A drive's start: a site's id or `base`.
        public var from: String?
        /// A drive's end.
        public var to: String?
        /// Km of this day's part of a drive.
        public var km: Double?
        /// `1/3` for the first day of a drive over three.
        public var part: String?
        /// A visit's site, or where the team sleeps.
        public var site: String?
        /// A visit's vehicle.
        public var vehicle: String?
        /// A visit's client organisation.
        public var client: String?
        /// A visit's planned minutes.
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
