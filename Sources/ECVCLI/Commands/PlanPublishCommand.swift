import ArgumentParser
import ECVStore
import Foundation

/// `ecv plan publish [N]`: makes a stored version the plan teams follow.
struct PlanPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Make a stored plan version the published one, the plan teams follow.",
        discussion: """
            The published plan is the one `ecv today`, the web form, calendars, bundles and reports use; the \
            version published before is superseded. Publishing appends a line to the audit trail.

            Examples:
              ecv plan publish
              ecv plan publish 4
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The version to publish (default: the newest draft).", valueName: "N"))
    var version: PlanSelector = .latestDraft

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let stored = try PlanStorage.load(version, from: store, catalog: catalog)
        let publication: PlanPublication?
        do {
            publication = try store.publishPlan(
                version: stored.version, by: Actor.current(), at: Date(), auditID: TimeOrderedID.make())
        } catch {
            throw CLIError.store(error)
        }
        guard let publication else {
            Output.write("plan version \(stored.version) is already the published plan\n")
            return
        }
        Output.write(
            "plan version \(publication.version) published"
                + (publication.previous.map { " (version \($0) superseded)" } ?? "")
                + "; teams follow it from now on\n")
    }
}
