import ECVModel
import ECVPlanning
import Foundation

/// iCalendar files (RFC 5545), one per team, one event per visit with site and contact.
public struct PlanCalendar {
    public let plan: TourPlan
    public let catalog: Catalog

    public init(plan: TourPlan, catalog: Catalog) {
        self.plan = plan
        self.catalog = catalog
    }

    /// Team id → calendar text.
    public func calendars(stamp: Date) -> [(team: String, text: String)] {
        let teams = plan.routes.map(\.team).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return teams.map { team in (team, calendar(for: team, stamp: stamp)) }
    }

    private func calendar(for team: String, stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ecv//tour plan//EN", "CALSCALE:GREGORIAN"]
        let stampText = utc(stamp)
        for route in plan.routes where route.team == team {
            for stop in route.stops {
                let site = catalog.site(withID: stop.site)
                for visit in stop.visits {
                    let client = catalog.client(withID: visit.client)
                    let contact = site?.contact ?? client?.contact
                    var description = "Inspection of \(visit.vehicle) for \(client?.name.en ?? visit.client)"
                    if let contact {
                        description +=
                            "\nContact: "
                            + [contact.name, contact.phone, contact.email].compactMap { $0 }
                            .joined(separator: ", ")
                    }
                    lines += [
                        "BEGIN:VEVENT",
                        "UID:\(route.route)-\(visit.vehicle)@ecv",
                        "DTSTAMP:\(stampText)",
                        "DTSTART:\(utc(visit.start, route.timeZone))",
                        "DTEND:\(utc(visit.end, route.timeZone))",
                        "SUMMARY:\(escape("\(visit.vehicle) – \(client?.name.zh ?? visit.client)"))",
                        "LOCATION:\(escape(locationText(site)))",
                        "DESCRIPTION:\(escape(description))",
                        "END:VEVENT",
                    ]
                }
            }
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
        let iso = ISOTime.string(moment, timeZone: zone)
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: iso).map(utc) ?? ""
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
