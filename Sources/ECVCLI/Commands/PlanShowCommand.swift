import ArgumentParser
import ECVModel
import Foundation

/// `ecv plan show [N|published|latest]`: a stored version again, in any of the plan's formats.
struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a stored plan version again without planning: table, json, csv or ics.",
        discussion: """
            Examples:
              ecv plan show
              ecv plan show 3 --format json --out plan-3.json
              ecv plan show published --format ics --out calendars/
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("N, published, latest or draft (default: published, else latest).", valueName: "version"))
    var version: PlanSelector?

    @OptionGroup var output: PlanOutputOptions

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore(readOnly: true)
        let stored: PlanVersion
        if let version {
            stored = try PlanStorage.load(version, from: store, catalog: catalog)
        } else {
            stored =
                try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)
                ?? PlanStorage.load(.latest, from: store, catalog: catalog)
        }
        try PlanWriter(
            plan: stored.plan, catalog: catalog, language: output.lang, generated: stored.record.createdAt,
            history: try PlanStorage.publishedHistory(store: store, catalog: catalog, before: stored.version)
        ).write(output.format, to: output.out)
    }
}
