import ArgumentParser
import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// `ecv replan --from DATE`: keeps what is done and plans the rest.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract:
            "Keep what is done, plan the rest from a day on; store the new plan as a draft and print what changed.",
        discussion: """
            The published plan's visits before DATE stay as they were when their vehicle has been
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
        let previous = try PlanStorage.load(.published, from: store, catalog: catalog)
        let verdicts = Dictionary(
            try store.board(catalog).map { ($0.vehicle, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        for route in planning.route {
            try GlobalOptions.requireKnown("route", route, among: catalog.routes.map(\.id))
        }
        let continuation = Continuation(
            previous: previous.plan, from: day, verdicts: verdicts, catalog: catalog,
            routes: planning.route.isEmpty ? nil : Set(planning.route))
        // Routes outside --route are kept whole, so the planner still sees them all.
        var everyRoute = planning
        everyRoute.route = []
        let plan = try everyRoute.plan(catalog, global: global, continuation: continuation)
        try DraftOutput(catalog: catalog, store: store, planning: planning).finish(
            plan, fromDay: day, context: PlanDiff.Context(from: day, done: continuation.done))
    }
}
