import ECVModel
import ECVPlanning

/// The plan as CSV, for spreadsheets: one row per visit with the km driven to it, one per stop without a visit,
/// and one per route for the drive home, so that the column `leg_km_before` adds up to the plan's km.
public enum PlanCSV {
    /// The columns, in order.
    public static let header = [
        "route", "team", "date", "start", "end", "site", "vehicle", "client", "minutes", "leg_km_before", "kind",
    ]

    /// The plan as CSV: the header, then one row per visit, site reached without a visit and drive home.
    public static func rendered(_ plan: TourPlan) -> String {
        var out = ""
        write(plan) { out += $0 }
        return out
    }

    /// The same CSV piece by piece: the header, then each route's rows, so that a long plan is never held whole.
    public static func write(_ plan: TourPlan, _ emit: (String) -> Void) {
        emit(header.joined(separator: ",") + "\n")
        var rows = ""
        func row(_ route: RoutePlan, _ fields: [String]) {
            rows += ([route.route, route.team] + fields).map(CSVField.escape).joined(separator: ",") + "\n"
        }
        for route in plan.routes {
            for (index, stop) in route.stops.enumerated() {
                if stop.visits.isEmpty {
                    // A site the team reached and left without a visit (a re-plan moved its visits while the team
                    // drove there): its row carries the leg's km.
                    row(
                        route,
                        [
                            stop.arrive.day.description, DailyHours.clock(stop.arrive.minuteOfDay),
                            stop.depart.day == stop.arrive.day ? DailyHours.clock(stop.depart.minuteOfDay) : "",
                            stop.site, "", "", "0", String(format: "%.1f", route.legs[index].km), "stop",
                        ])
                }
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
            emit(rows)
            rows = ""
        }
    }
}

/// The one writer of CSV cells: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
public enum CSVField {
    /// The rows as an RFC 4180 document: fields quoted where needed, each row ended by CRLF.
    static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(escape).joined(separator: ",") + "\r\n" }.joined()
    }

    /// `field` as a CSV cell: neutralised (see `neutralised`), then quoted when it holds a comma, a quote or
    /// a line break.
    public static func escape(_ field: String) -> String {
        let field = neutralised(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `field` with a leading `'` when a spreadsheet would take it for a formula.
    ///
    /// That is when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain decimal
    /// number. `-3.5`, `+2` and `1e-7` stay numbers;
    /// `=HYPERLINK(…)`, `@SUM(…)`, `-2+3` and `+cmd` become text.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            !isPlainNumber(field)
        else { return field }
        return "'" + field
    }

    /// An optional sign, digits with at most one decimal point, an optional exponent: nothing else.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            let run = scalars.prefix { ("0"..."9").contains($0) }.count
            scalars = scalars.dropFirst(run)
            return run
        }
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        var count = digits()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            count += digits()
        }
        guard count > 0 else { return false }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }
}
