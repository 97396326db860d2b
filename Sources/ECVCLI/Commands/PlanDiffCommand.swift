import ArgumentParser
import ECVPlanning
import ECVStore
import Foundation

/// `ecv plan diff [A] [B]`: what changes from one stored plan version to another.
struct PlanDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two stored plan versions: visits moved, added and dropped; km and working days per line.",
        discussion: """
            Without versions, compares the published plan with the newest draft.

            Examples:
              ecv plan diff
              ecv plan diff 2 5
              ecv plan diff published latest --format json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The older version: N, published, latest or draft.", valueName: "A"))
    var from: PlanSelector = .published

    @Argument(help: ArgumentHelp("The newer version (default: the newest draft).", valueName: "B"))
    var to: PlanSelector = .latestDraft

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let old = try PlanStorage.load(from, from: store, catalog: catalog)
        let new = try PlanStorage.load(to, from: store, catalog: catalog)
        let output = PlanDiffOutput(
            diff: PlanDiff(from: old.plan, to: new.plan, vehicles: Set(catalog.vehicleIDs)), fromVersion: old.version,
            toVersion: new.version,
            fromLabel: old.record.state == .published ? "the published plan" : "plan")
        switch format {
        case .table: Output.write(output.rendered())
        case .json: try Output.writeJSON(output.document)
        }
    }
}
