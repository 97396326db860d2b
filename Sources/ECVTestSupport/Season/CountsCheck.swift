import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// Counts equal across outputs: the plan's JSON totals, its table (`ecv plan`), its CSV (km summed over every leg,
/// the drive home included), `ecv plan list` (read from the stored document) and the status board (one row per
/// vehicle of Routes/).
public struct CountsCheck {
    /// Routes/ and Checklists/, for the table's names and the number of vehicles.
    public var catalog: Catalog
    /// The board as `ecv status` shows it.
    public var board: [BoardRow]

    /// The check of plans against `board`, the readiness board of the same moment.
    public init(catalog: Catalog, board: [BoardRow]) {
        self.catalog = catalog
        self.board = board
    }

    /// The breaches in the plan stored as `json`.
    public func breaches(json: String) -> [InvariantBreach] {
        guard let document = try? JSONDecoder().decode(PlanDocument.self, from: Data(json.utf8)),
            let plan = try? TourPlan(json: json, routes: catalog.routes)
        else { return [InvariantBreach(.countsAgree, "the plan is not a readable ecv-plan/1 document")] }
        var breaches: [InvariantBreach] = []
        func breach(_ text: String) { breaches.append(InvariantBreach(.countsAgree, text)) }
        let km = Self.tenths(document.totals.km)
        let table = PlanTable(plan: plan, catalog: catalog).rendered()
        if let summary = table.split(separator: "\n").last(where: { $0.hasPrefix("plan: ") }) {
            let given =
                "plan: \(km) km, \(document.totals.vehicles) vehicles scheduled, "
                + "\(document.totals.unscheduled) unscheduled"
            if !summary.hasPrefix(given) { breach("the table says `\(summary)`, the JSON `\(given)`") }
        } else {
            breach("the table has no summary line")
        }
        for route in document.routes where !route.stops.isEmpty {
            let given = "  total \(Self.tenths(route.totals.km)) km, \(route.totals.vehicles) vehicles"
            if !table.split(separator: "\n").contains(where: { $0.hasPrefix(given) }) {
                breach("the table has no line `\(given)` for \(route.route)")
            }
        }
        let csvKm = Self.csvKm(PlanCSV.rendered(plan))
        if Self.tenths(csvKm) != km { breach("the CSV's legs add up to \(Self.tenths(csvKm)) km, the JSON says \(km)") }
        let listed = Self.tenths(document.routes.reduce(0) { $0 + $1.totals.km })
        if listed != km { breach("the lines' km add up to \(listed), the plan's total is \(km)") }
        let vehicles = catalog.routes.flatMap(\.sites).flatMap(\.vehicles).count
        if board.count != vehicles { breach("the board shows \(board.count) vehicles of the \(vehicles) in Routes/") }
        return breaches
    }

    static func tenths(_ km: Double) -> String { String(format: "%.1f", km) }

    /// The sum of every km column of a plan CSV.
    static func csvKm(_ csv: String) -> Double {
        let lines = csv.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        guard let header = lines.first else { return 0 }
        let columns = header.indices.filter { header[$0].contains("km") }
        return lines.dropFirst().reduce(0) { sum, fields in
            sum + columns.reduce(0) { $0 + ($1 < fields.count ? Double(fields[$1]) ?? 0 : 0) }
        }
    }
}
