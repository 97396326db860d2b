import ECVModel
import ECVPlanning

/// The plan as CSV, one row per visit, for spreadsheets.
public enum PlanCSV {
    public static let header = [
        "route", "team", "date", "start", "end", "site", "vehicle", "client", "minutes", "leg_km_before",
    ]

    public static func rendered(_ plan: TourPlan) -> String {
        var rows = [header.joined(separator: ",")]
        for route in plan.routes {
            for (index, stop) in route.stops.enumerated() {
                for (visitIndex, visit) in stop.visits.enumerated() {
                    let legKm = visitIndex == 0 ? String(format: "%.1f", route.legs[index].km) : "0"
                    rows.append(
                        [
                            route.route, route.team, visit.start.day.description,
                            DailyHours.clock(visit.start.minuteOfDay),
                            DailyHours.clock(visit.end.minuteOfDay), stop.site, visit.vehicle, visit.client,
                            String(visit.minutes), legKm,
                        ].map(CSVField.escape).joined(separator: ","))
                }
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 quoting.
public enum CSVField {
    /// The rows as an RFC 4180 document: fields quoted where needed, each row ended by CRLF.
    static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(escape).joined(separator: ",") + "\r\n" }.joined()
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
