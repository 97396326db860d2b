import ArgumentParser
import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// `ecv replan --from DATE`: keeps what is done and plans the rest.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Keep what is done, plan the rest from a day on; store and print the new plan and what changed.",
        discussion: """
            The latest stored plan's visits before DATE stay as they were when their vehicle has been
            inspected; each team starts DATE where its last kept visit was (its base when it has none).
            From DATE on, the planner schedules every vehicle not yet inspected (also those missed before
            DATE), a re-check of the failed items of every NOT DEPLOYABLE or RESTRICTED vehicle, and the
            untested items of every INCOMPLETE one. Vehicles found DEPLOYABLE are done. A route nothing
            touched (no visit due before DATE, no vehicle inspected, no vehicle new to Routes/) keeps its
            itinerary; so does every route outside --route when that is given.

            Examples:
              ecv replan --from 2027-04-12
              ecv replan --from 2027-04-12 --format json --out plan.json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planning: PlanningOptions

    @Option(help: "The first day to plan again, YYYY-MM-DD.")
    var from: String

    func run() throws {
        guard let day = CalendarDay(iso: from) else {
            throw ValidationError("--from must be YYYY-MM-DD, found `\(from)`")
        }
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        guard let previous = try store.latestPlan().map({ try PlanStorage.document(of: $0) }) else {
            throw CLIError.noPlan
        }
        let verdicts = Dictionary(
            try store.board(catalog).map { ($0.vehicle, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        for route in planning.route {
            try GlobalOptions.requireKnown("route", route, among: catalog.routes.map(\.id))
        }
        let continuation = Continuation(
            previous: previous.document, from: day, verdicts: verdicts, catalog: catalog,
            routes: planning.route.isEmpty ? nil : Set(planning.route))
        // Routes outside --route are kept whole, so the planner still sees them all.
        var everyRoute = planning
        everyRoute.route = []
        let plan = try everyRoute.plan(catalog, global: global, continuation: continuation)
        let now = Date()
        try PlanWriter(plan: plan, catalog: catalog, language: planning.lang, generated: now)
            .write(planning.format, to: planning.out)
        let version = try PlanStorage.save(plan, catalog: catalog, generated: now, fromDay: day, global: global)
        let changes = PlanChanges(
            previous: previous.document, next: PlanDocument(plan, generated: now), from: day,
            done: continuation.done)
        let report = ReplanReport(
            changes: changes, previousVersion: previous.version, version: version, from: day
        ).rendered()
        // The change list joins a table on standard output; beside JSON, CSV or ICS it goes to standard error.
        if planning.format == .table || planning.out != nil {
            Output.write("\n" + report)
        } else {
            FileHandle.standardError.write(Data(report.utf8))
        }
    }
}

/// The change list of a re-plan, for people.
struct ReplanReport {
    let changes: PlanChanges
    let previousVersion: Int
    let version: Int
    let from: CalendarDay

    func rendered() -> String {
        var text = "Plan version \(version), re-planned from \(from) on version \(previousVersion): "
        text += "\(changes.kept) visit\(changes.kept == 1 ? "" : "s") kept before \(from), "
        text += "\(changes.unchanged) unchanged, \(changes.changes.count) changed\n"
        guard !changes.changes.isEmpty else { return text }
        var table = TextTable(headers: ["VEHICLE", "CHANGE", "BEFORE", "AFTER", "DETAIL"])
        for change in changes.changes {
            table.append([
                change.vehicle, change.kind.rawValue, change.before ?? "-", change.after ?? "-", change.detail ?? "",
            ])
        }
        return text + table.rendered()
    }
}
