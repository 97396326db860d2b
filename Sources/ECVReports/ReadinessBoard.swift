import ECVModel
import ECVPlanning
import Foundation

/// The readiness board as a table for people (optionally coloured), `ecv-status/1` JSON, or CSV.
public struct ReadinessBoard {
    /// One row per vehicle.
    public let rows: [BoardRow]
    /// Each line's time zone, by route id: a vehicle's inspection time is written in its line's zone.
    public let timeZones: [String: String]

    /// The board of `rows`; `catalog` gives each line's time zone.
    public init(rows: [BoardRow], catalog: Catalog) {
        self.rows = rows
        timeZones = Dictionary(catalog.routes.map { ($0.id, $0.timeZone) }, uniquingKeysWith: { first, _ in first })
    }

    /// The zone of `row`'s line.
    func zone(_ row: BoardRow) -> String { timeZones[row.route] ?? Route.defaultTimeZone }

    /// The board as an aligned table, one row per vehicle; `colour` for a terminal that shows colours.
    public func table(colour: Bool) -> String {
        var lines: [[String]] = [["verdict", "vehicle", "client", "route", "inspected", "failed items"]]
        for row in rows {
            let failed = row.verdict.failed.map { "\($0.itemID) (\($0.severity.rawValue))" }.joined(separator: ", ")
            lines.append([
                row.verdict.readiness.label, row.vehicle, row.client, row.route,
                row.inspected.map { ISOTime.day($0, timeZone: zone(row)) } ?? "–", failed,
            ])
        }
        let widths = (0..<6).map { column in lines.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for (index, line) in lines.enumerated() {
            var text = zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            if colour, index > 0, let code = Self.colour(rows[index - 1].verdict.readiness) {
                text = "\u{1B}[\(code)m\(text)\u{1B}[0m"
            }
            out += text + "\n"
            if index == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        let counts = Readiness.allCases.map { readiness in
            "\(rows.filter { $0.verdict.readiness == readiness }.count) \(readiness.rawValue)"
        }
        return out + "\(rows.count) vehicles: " + counts.joined(separator: ", ") + "\n"
    }

    private static func colour(_ readiness: Readiness) -> String? {
        switch readiness {
        case .notDeployable: return "1;31"
        case .restricted: return "33"
        case .incomplete: return "36"
        case .deployable: return "32"
        case .notInspected: return nil
        }
    }

    /// `ecv-status/1`.
    public func json() -> String {
        struct Document: Encodable {
            var format = "ecv-status/1"
            var vehicles: [Vehicle]
        }
        struct Vehicle: Encodable {
            var vehicle: String
            var client: String
            var verdict: String
            var failed: [Failed]
            var inspected: String?
        }
        struct Failed: Encodable {
            var item: String
            var severity: String
        }
        let document = Document(
            vehicles: rows.map { row in
                Vehicle(
                    vehicle: row.vehicle, client: row.client, verdict: row.verdict.readiness.rawValue,
                    failed: row.verdict.failed.map { Failed(item: $0.itemID, severity: $0.severity.rawValue) },
                    inspected: row.inspected.map { ISOTime.string($0, timeZone: zone(row)) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// The board as CSV, one row per vehicle.
    public func csv() -> String {
        var lines = ["vehicle,client,route,verdict,inspected,failed"]
        for row in rows {
            let failed = row.verdict.failed.map { "\($0.itemID):\($0.severity.rawValue)" }.joined(separator: " ")
            lines.append(
                [
                    row.vehicle, row.client, row.route, row.verdict.readiness.rawValue,
                    row.inspected.map { ISOTime.string($0, timeZone: zone(row)) } ?? "", failed,
                ].map(CSVField.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
