import ArgumentParser
import ECVModel
import ECVReports
import ECVStore
import Foundation

/// `ecv status`: the readiness board.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The readiness board: each vehicle's verdict and failed items, the worst first.",
        discussion: """
            Verdicts come from the latest result of each item that applies to the vehicle: NOT_DEPLOYABLE \
            (a critical item failed), RESTRICTED (a major item failed), INCOMPLETE (a critical or major item \
            untested), DEPLOYABLE, or NOT_INSPECTED.

            Examples:
              ecv status
              ecv status --route northeast
              ecv status --client hlj-fire --format json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only the vehicles of this route.")
    var route: String?

    @Option(help: "Only the vehicles of this client.")
    var client: String?

    @Option(help: "table, json or csv.")
    var format: BoardFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        try GlobalOptions.requireKnown("route", route, among: catalog.routes.map(\.id))
        try GlobalOptions.requireKnown("client", client, among: catalog.clients.map(\.id))
        let rows: [BoardRow]
        do {
            rows = try global.openStore(readOnly: true).board(catalog, route: route, client: client)
        } catch let error as StoreError {
            throw CLIError.store(error)
        }
        let board = ReadinessBoard(
            rows: format == .table
                ? rows.map { row in
                    var safe = row
                    safe.vehicle = Terminal.safe(row.vehicle)
                    safe.client = Terminal.safe(row.client)
                    safe.route = Terminal.safe(row.route)
                    safe.site = Terminal.safe(row.site)
                    return safe
                } : rows, catalog: catalog)
        switch format {
        case .json: Output.write(board.json())
        case .csv: Output.write(board.csv())
        case .table: Output.write(board.table(colour: isatty(STDOUT_FILENO) != 0))
        }
    }
}

/// The forms of the readiness board.
enum BoardFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
