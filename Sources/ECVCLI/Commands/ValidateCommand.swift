import ArgumentParser
import ECVCatalog
import ECVModel
import Foundation

/// `ecv validate`: checks Checklists/ and Routes/ and lists every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check Checklists/ and Routes/; exit 1 on any error.",
        discussion: """
            Prints every problem as FILE:LINE:COLUMN: error|warning: MESSAGE, sorted by file and line, \
            then a summary of what was read. Warnings alone exit 0.

            Examples:
              ecv validate
              ecv validate --root ~/tours/2027-spring
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let load = CatalogLoader.load(root: global.rootURL)
        for diagnostic in load.diagnostics {
            FileHandle.standardError.write(Data("\(TerminalText.escaped(diagnostic.description))\n".utf8))
        }
        Output.write(summary(of: load))
        if !load.errors.isEmpty { throw ExitCode.failure }
    }

    private func summary(of load: CatalogLoad) -> String {
        let catalog = load.catalog
        let sites = catalog.routes.reduce(0) { $0 + $1.sites.count }
        let counts = [
            ("files", load.files.count), ("checklists", catalog.checklists.count),
            ("items", catalog.checklists.reduce(0) { $0 + $1.items.count }), ("teams", catalog.teams.count),
            ("routes", catalog.routes.count), ("clients", catalog.clients.count), ("sites", sites),
            ("vehicles", catalog.placements.count),
        ]
        let verdict =
            load.errors.isEmpty
            ? "ok" : "\(load.errors.count) error\(load.errors.count == 1 ? "" : "s")"
        let warnings = load.warnings.count
        return counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + "\n"
            + "\(verdict), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    }
}
