import ECVModel
import ECVPlanning

/// The plan as CSV, for spreadsheets: one row per visit with the km driven to it, and one row per route for the
/// drive home, so that the column `leg_km_before` adds up to the plan's km.
public enum PlanCSV {
    public static let header = [
        "route", "team", "date", "start", "end", "site", "vehicle", "client", "minutes", "leg_km_before", "kind",
    ]

    public static func rendered(_ plan: TourPlan) -> String {
        var rows = [header.joined(separator: ",")]
        func row(_ route: RoutePlan, _ fields: [String]) {
            rows.append(([route.route, route.team] + fields).map(CSVField.escape).joined(separator: ","))
        }
        for route in plan.routes {
            for (index, stop) in route.stops.enumerated() {
                for (visitIndex, visit) in stop.visits.enumerated() {
                    let legKm = visitIndex == 0 ? String(format: "%.1f", route.legs[index].km) : "0"
                    row(
                        route,
                        [
                            visit.start.day.description, DailyHours.clock(visit.start.minuteOfDay),
                            DailyHours.clock(visit.end.minuteOfDay), stop.site, visit.vehicle, visit.client,
                            String(visit.minutes), legKm, visit.purpose.rawValue,
                        ])
                }
            }
            // The last leg leads home: its row has the arrival at the base, no vehicle, and its start only when the
            // drive home takes one day.
            if let home = route.legs.last, !route.stops.isEmpty {
                row(
                    route,
                    [
                        home.arrive.day.description,
                        home.depart.day == home.arrive.day ? DailyHours.clock(home.depart.minuteOfDay) : "",
                        DailyHours.clock(home.arrive.minuteOfDay), "base", "", "", "0", String(format: "%.1f", home.km),
                        "return",
                    ])
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
