import ArgumentParser
import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import Foundation

/// `ecv report`: inspection reports for clients, signed by the office.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write signed inspection reports, or verify one.",
        subcommands: [
            VehicleReportCommand.self, ClientReportCommand.self, TourReportCommand.self, VerifyReportCommand.self,
        ]
    )
}

/// How a report is written: its form, language and folder.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "html, pdf or csv (csv: the vehicle report's results, one row per item).")
    var format: ReportFormat = .html

    @Option(help: "zh, en or both (default: the client's language).")
    var lang: Language?

    @Option(help: "Folder to write into.")
    var out: String = "."
}

/// Where the office's keys live: `--keys DIR`, default ROOT/keys.
struct KeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of the office's Ed25519 keys (default: ROOT/keys).", valueName: "dir"))
    var keys: String?

    func folder(_ global: GlobalOptions) -> URL {
        keys.map { URL(fileURLWithPath: $0) } ?? global.rootURL.appendingPathComponent("keys")
    }

    /// The office's keys for signing reports; `nil` where none were made.
    ///
    /// A damaged key stops the report.
    func reportSigner(_ global: GlobalOptions) throws -> ReportSigner? {
        do {
            return try ReportSigner.loadIfPresent(from: folder(global))
        } catch {
            throw CLIError.badFile(error.description)
        }
    }
}

/// `ecv report vehicle ID`: one vehicle's inspection report.
struct VehicleReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vehicle",
        abstract: "A vehicle's inspection report: verdict, subsystems, every item, recommendations.",
        discussion: """
            The file goes into --out under a name made from the vehicle id (never outside the folder), with \
            detached signatures FILE.sig (for `ecv report verify`) and FILE.sig.bin (raw Ed25519, for OpenSSL) \
            when the office key is there (`ecv keys init`). The language is the client's unless --lang says \
            otherwise; the report id is the same in every language.

            Examples:
              ecv report vehicle HLJ-FIRE-01 --out reports/
              ecv report vehicle HLJ-FIRE-01 --format pdf --lang both --out reports/
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions

    @Argument(help: "The vehicle's id.")
    var vehicle: String

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let catalog = try global.loadCatalog()
        let placement = try global.placement(of: vehicle, in: catalog)
        let store = try global.openStore(readOnly: true)
        let signer = try keyOptions.reportSigner(global)
        let language = output.lang ?? catalog.client(withID: placement.site.clientID)?.language ?? .zh
        let report = VehicleReport(
            placement: placement, catalog: catalog, history: try store.history(ofVehicle: placement.vehicle.id),
            plan: try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)?.stored, language: language,
            signer: signer)
        let path = try ReportOutput(format: output.format, out: output.out, signer: signer).emit(
            { output.format == .csv ? report.csv() : try report.html() }, kind: "vehicle", id: vehicle,
            language: language)
        Output.write(path + "\n")
    }
}

/// `ecv report client ID`: one client's fleet summary.
struct ClientReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "A client's fleet summary: verdict counts, a chart, every vehicle with its open failures.",
        discussion: """
            Holds only that client's vehicles. Written and signed like the vehicle report; as csv, the client's \
            rows of the readiness board.

            Examples:
              ecv report client hlj-fire --format pdf --out reports/
              ecv report client hlj-fire --with-vehicles --format pdf --out reports/
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions

    @Argument(help: "The client's id.")
    var client: String

    @Flag(help: "Also the report of each inspected vehicle of the client, printed in the same browser run.")
    var withVehicles = false

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let catalog = try global.loadCatalog()
        try GlobalOptions.requireKnown("client", client, among: catalog.clients.map(\.id))
        guard let entry = catalog.client(withID: client) else { return }
        let store = try global.openStore(readOnly: true)
        let signer = try keyOptions.reportSigner(global)
        let language = output.lang ?? entry.language
        let rows = try store.board(catalog, client: client)
        let published = try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)?.stored
        let summary = ClientSummary(
            client: entry, catalog: catalog, rows: rows, plan: published?.plan, on: ISOTime.today(at: Date()),
            language: language, signer: signer)
        var documents = [
            ReportOutput.Document(
                text: {
                    output.format == .csv ? ReadinessBoard(rows: rows, catalog: catalog).csv() : try summary.html()
                },
                kind: "client", id: client, language: language)
        ]
        if withVehicles {
            documents += try ReportOutput.vehicleDocuments(
                catalog.placements.filter { $0.site.clientID == client }, catalog: catalog, store: store,
                plan: published, language: output.lang, signer: signer, csv: output.format == .csv)
        }
        let paths = try ReportOutput(format: output.format, out: output.out, signer: signer).emit(documents)
        Output.write(paths.map { $0 + "\n" }.joined())
    }
}

/// `ecv report tour [VERSION]`: the tour summary for the office, with the route map.
struct TourReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "The tour for the office: km planned and done, verdicts, failing items, sectors, route map.",
        discussion: """
            From the stored plan VERSION (default: the plan the teams follow) and the readiness board: every \
            count is of vehicles, as `ecv status` counts them.

            Examples:
              ecv report tour --lang both --format pdf --out reports/
              ecv report tour --with-vehicles --format pdf --out reports/
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions
    @OptionGroup var output: ReportOutputOptions

    @Argument(help: "The plan version (default: the published one).")
    var version: Int?

    @Flag(help: "Also the report of each inspected vehicle the plan visits, printed in the same browser run.")
    var withVehicles = false

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore(readOnly: true)
        let stored = try PlanStorage.load(
            version.map(PlanSelector.version) ?? .published, from: store, catalog: catalog)
        let signer = try keyOptions.reportSigner(global)
        let language = output.lang ?? .zh
        let summary = TourSummary(
            plan: stored.plan, planVersion: stored.version, catalog: catalog, rows: try store.board(catalog),
            on: ISOTime.today(at: Date()), language: language, signer: signer)
        var documents = [
            ReportOutput.Document(
                text: { output.format == .csv ? summary.csv() : try summary.html() }, kind: "tour",
                id: "plan\(stored.version)", language: language)
        ]
        if withVehicles {
            let visited = Set(stored.plan.routes.flatMap { $0.stops.flatMap(\.visits) }.map(\.vehicle))
            documents += try ReportOutput.vehicleDocuments(
                catalog.placements.filter { visited.contains($0.vehicle.id) }, catalog: catalog, store: store,
                plan: try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)?.stored,
                language: output.lang, signer: signer, csv: output.format == .csv)
        }
        let paths = try ReportOutput(format: output.format, out: output.out, signer: signer).emit(documents)
        Output.write(paths.map { $0 + "\n" }.joined())
    }
}

/// `ecv report verify FILE`: checks a report against its signature and the office's key.
struct VerifyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a report is unchanged and signed by the office's key.",
        discussion: """
            Needs only the office's public key (office-ed25519.pub or office-ed25519.pub.pem in --keys DIR). \
            Exit status 0 for an intact report; 1 for a changed file, another key or no signature.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions

    @Argument(help: "The report file (its signature is FILE.sig).")
    var file: String

    func run() throws {
        do {
            try ReportSigner.verify(URL(fileURLWithPath: file), keysIn: keyOptions.folder(global))
        } catch {
            throw CLIError.badFile("\(file): \(error.description)")
        }
        Output.write("\(file): intact, signed by the office\n")
    }
}

/// The forms a report is written in.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, pdf, csv
}
