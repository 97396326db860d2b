import ArgumentParser
import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// `ecv plan list`: the stored plan versions and which one is published.
struct PlanListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stored plan versions: when made, how, km, vehicles, and their state.",
        discussion: """
            Examples:
              ecv plan list
              ecv plan list --format json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    func run() throws {
        let store = try global.openStore(readOnly: true)
        let records: [PlanRecord]
        do {
            records = try store.plans()
        } catch {
            throw CLIError.store(error)
        }
        let rows = try records.map { record in
            let totals = try PlanStorage.document(of: record).document.totals
            return Row(
                version: record.version, made: ISOTime.string(record.createdAt, timeZone: Route.defaultTimeZone),
                kind: record.kind.rawValue, from: record.fromDay, km: totals.km, vehicles: totals.vehicles,
                unscheduled: totals.unscheduled, state: record.state.rawValue)
        }
        switch format {
        case .json: try Output.writeJSON(Listing(plans: rows))
        case .table:
            guard !rows.isEmpty else {
                Output.write("no plan stored yet; run `ecv plan`\n")
                return
            }
            var table = TextTable(
                headers: ["VERSION", "MADE AT", "KIND", "FROM", "KM", "VEHICLES", "UNSCHEDULED", "STATE"],
                rightAligned: [0, 4, 5, 6])
            for row in rows {
                table.append([
                    "\(row.version)", String(row.made.prefix(16)).replacingOccurrences(of: "T", with: " "), row.kind,
                    row.from ?? "-", String(format: "%.1f", row.km), "\(row.vehicles)", "\(row.unscheduled)",
                    row.state,
                ])
            }
            Output.write(table.rendered())
        }
    }

    /// `ecv-plan-list/1`.
    struct Listing: Encodable {
        var format = "ecv-plan-list/1"
        var plans: [Row]
    }

    struct Row: Encodable {
        var version: Int
        var made: String
        var kind: String
        var from: String?
        var km: Double
        var vehicles: Int
        var unscheduled: Int
        var state: String
    }
}
