import ECVModel
import ECVPlanning
import Foundation

/// iCalendar files (RFC 5545), one per team, one event per visit with site and contact, that phones can
/// follow from one published plan to the next.
///
/// Each visit keeps one UID across versions (route, vehicle and purpose); SEQUENCE counts how often its event
/// changed over the published versions before this one; a visit that an earlier published version had and
/// this one has not comes once more, as STATUS:CANCELLED, so that calendars drop it.
public struct PlanCalendar {
    /// The plan the events come from.
    public let plan: TourPlan
    /// The Routes/ the sites and contacts come from.
    public let catalog: Catalog
    /// The plans published before this one, oldest first.
    public let history: [TourPlan]

    /// The calendars of `plan`, after the published `history` (oldest first) that their events follow on from.
    public init(plan: TourPlan, catalog: Catalog, history: [TourPlan] = []) {
        self.plan = plan
        self.catalog = catalog
        self.history = history
    }

    /// One visit as a calendar event.
    struct Event: Equatable {
        var uid: String
        var team: String
        var route: String
        var timeZone: String
        var site: String
        var visit: RoutePlan.Visit

        /// What a phone shows: a change of any of these is a new sequence.
        var shown: [String] { [team, site, visit.start.description, visit.end.description, visit.purpose.rawValue] }
    }

    /// Where a UID stands after a run of published plans.
    struct Tracked {
        var sequence: Int
        var event: Event
        var cancelled: Bool
    }

    /// Team id → calendar text, teams in the order of the plan's routes (then of dropped visits).
    public func calendars(stamp: Date) -> [(team: String, text: String)] {
        let tracked = PlanCalendar.track(history + [plan])
        let current = PlanCalendar.events(plan)
        var teams = plan.routes.map(\.team)
        teams += tracked.values.filter(\.cancelled).map(\.event.team).sorted()
        teams = teams.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return teams.map { team in
            let live = current.filter { $0.team == team }.compactMap { tracked[$0.uid] }
            let dropped = tracked.values.filter { $0.cancelled && $0.event.team == team }
                .sorted { $0.event.uid < $1.event.uid }
            return (team, calendar(live + dropped, stamp: stamp))
        }
    }

    /// The state of every UID after publishing `plans` in order.
    static func track(_ plans: [TourPlan]) -> [String: Tracked] {
        var tracked: [String: Tracked] = [:]
        for plan in plans {
            let events = PlanCalendar.events(plan)
            let present = Set(events.map(\.uid))
            for event in events {
                if var known = tracked[event.uid] {
                    if known.cancelled || known.event.shown != event.shown { known.sequence += 1 }
                    known.event = event
                    known.cancelled = false
                    tracked[event.uid] = known
                } else {
                    tracked[event.uid] = Tracked(sequence: 0, event: event, cancelled: false)
                }
            }
            for (uid, known) in tracked where !present.contains(uid) && !known.cancelled {
                tracked[uid] = Tracked(sequence: known.sequence + 1, event: known.event, cancelled: true)
            }
        }
        return tracked
    }

    /// A plan's visits as events, each with a UID unique in the plan.
    static func events(_ plan: TourPlan) -> [Event] {
        var seen: [String: Int] = [:]
        var events: [Event] = []
        for route in plan.routes {
            for stop in route.stops {
                for visit in stop.visits {
                    let base = "\(route.route)-\(visit.vehicle)-\(visit.purpose.rawValue)"
                    let count = (seen[base] ?? 0) + 1
                    seen[base] = count
                    events.append(
                        Event(
                            uid: (count == 1 ? base : "\(base)-\(count)") + "@ecv", team: route.team,
                            route: route.route,
                            timeZone: route.timeZone, site: stop.site, visit: visit))
                }
            }
        }
        return events
    }

    private func calendar(_ events: [Tracked], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ecv//tour plan//EN", "CALSCALE:GREGORIAN"]
        let stampText = utc(stamp)
        for tracked in events {
            let event = tracked.event
            let visit = event.visit
            let site = catalog.site(withID: event.site)
            let client = catalog.client(withID: visit.client)
            let contact = site?.contact ?? client?.contact
            let what: String
            switch visit.purpose {
            case .inspection: what = "Inspection"
            case .recheck: what = "Recheck of failed items"
            case .completion: what = "Completion of untested items"
            }
            var description = "\(what) of \(visit.vehicle) for \(client?.name.en ?? visit.client)"
            if visit.fixed { description += "\nFixed appointment: keep this time." }
            if let contact {
                description +=
                    "\nContact: "
                    + [contact.name, contact.phone, contact.email].compactMap { $0 }.joined(separator: ", ")
            }
            let prefix = visit.purpose == .recheck ? "RECHECK " : visit.purpose == .completion ? "COMPLETION " : ""
            lines += [
                "BEGIN:VEVENT",
                "UID:\(escape(event.uid))",
                "SEQUENCE:\(tracked.sequence)",
                "DTSTAMP:\(stampText)",
                "DTSTART:\(utc(visit.start, event.timeZone))",
                "DTEND:\(utc(visit.end, event.timeZone))",
                "SUMMARY:\(escape("\(tracked.cancelled ? "CANCELLED " : "")\(prefix)\(visit.vehicle) – \(client?.name.zh ?? visit.client)"))",
                "LOCATION:\(escape(locationText(site)))",
                "DESCRIPTION:\(escape(description))",
                "STATUS:\(tracked.cancelled ? "CANCELLED" : "CONFIRMED")",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    private func locationText(_ site: Site?) -> String {
        guard let site else { return "" }
        let address = site.address?.zh ?? site.city?.zh ?? site.id
        return "\(address) (\(site.location.lat), \(site.location.lon))"
    }

    /// A local moment as a UTC time `YYYYMMDDTHHMMSSZ`.
    private func utc(_ moment: LocalDateTime, _ zone: String) -> String {
        ISOTime.date(moment, timeZone: zone).map(utc) ?? ""
    }

    private func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0,
            p.second ?? 0)
    }

    /// Escapes text values as RFC 5545 requires.
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on lines that start with a space.
    private func fold(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (parts.isEmpty ? 75 : 74) {
                parts.append(parts.isEmpty ? current : " " + current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(parts.isEmpty ? current : " " + current)
        return parts
    }
}
