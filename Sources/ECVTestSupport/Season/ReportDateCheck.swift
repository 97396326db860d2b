import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// Report dates come from the published plan: the tour summary dated `day` gives each grounded vehicle (NOT
/// DEPLOYABLE or RESTRICTED) the day of its next visit in the published plan — the first on or after `day` — and
/// never a day before `day`.
public struct ReportDateCheck {
    /// Routes/ and Checklists/ the report is written from.
    public var catalog: Catalog
    /// The report's date.
    public var day: CalendarDay

    /// The check of reports dated `day`.
    public init(catalog: Catalog, day: CalendarDay) {
        self.catalog = catalog
        self.day = day
    }

    /// The breaches in the tour summary of the published plan `plan` (version `version`) over `board`.
    public func breaches(plan: TourPlan, version: Int, board: [BoardRow]) throws -> [InvariantBreach] {
        let html = try TourSummary(
            plan: plan, planVersion: version, catalog: catalog, rows: board, on: day, language: .en
        ).html()
        return breaches(shown: Self.recheckDays(in: html), plan: plan, board: board)
    }

    /// The breaches in what a report `shown` per grounded vehicle (`nil`: not planned), against the published plan
    /// `plan`.
    public func breaches(shown: [String: CalendarDay?], plan: TourPlan, board: [BoardRow]) -> [InvariantBreach] {
        var breaches: [InvariantBreach] = []
        for row in board where [.notDeployable, .restricted].contains(row.verdict.readiness) {
            let next = plan.routes.flatMap { $0.stops.flatMap(\.visits) }.filter { $0.vehicle == row.vehicle }
                .map(\.start.day).filter { $0 >= day }.min()
            guard let given = shown[row.vehicle] else {
                breaches.append(
                    InvariantBreach(.reportDates, "the tour summary of \(day) does not list \(row.vehicle)"))
                continue
            }
            if let given, given < day {
                breaches.append(
                    InvariantBreach(
                        .reportDates, "the tour summary of \(day) gives \(row.vehicle) a next visit on \(given)"))
            }
            if given != next {
                breaches.append(
                    InvariantBreach(
                        .reportDates,
                        "the tour summary of \(day) gives \(row.vehicle) \(given.map(\.description) ?? "no visit"); "
                            + "the published plan has \(next.map(\.description) ?? "none")"))
            }
        }
        return breaches
    }

    /// Per grounded vehicle in a tour summary's HTML, the day its recheck column gives (`nil` for "not planned").
    public static func recheckDays(in html: String) -> [String: CalendarDay?] {
        var days: [String: CalendarDay?] = [:]
        for row in html.components(separatedBy: "<tr>").dropFirst() where row.contains("<span class=\"v ") {
            let cells = row.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            guard cells.count >= 5 else { continue }
            days[cells[0]] = englishDay(cells[4])
        }
        return days
    }

    /// `12 March 2027` as a day.
    static func englishDay(_ text: String) -> CalendarDay? {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let month = months.firstIndex(of: String(parts[1])),
            let year = Int(parts[2])
        else { return nil }
        return CalendarDay(year: year, month: month + 1, day: day)
    }
}
