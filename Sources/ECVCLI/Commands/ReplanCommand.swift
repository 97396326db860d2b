import ArgumentParser
import ECVCatalog
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
            The published plan's visits before DATE stay as they were when their vehicle has been inspected; \
            each team starts DATE where its last kept visit was (its base when it has none). From DATE on, the \
            planner schedules every vehicle not yet inspected (also those missed before DATE), a re-check of the \
            failed items of every NOT DEPLOYABLE or RESTRICTED vehicle, and the untested items of every \
            INCOMPLETE one. Vehicles found DEPLOYABLE are done.

            Every published visit from DATE on is checked against the current Routes/ and Checklists/: one that \
            no longer fits (a site closed that day, a holiday added, hours changed, the vehicle removed, the \
            appointment moved, the team unavailable) moves, with the reason. One that still fits keeps its day \
            and team, unless moving it schedules a vehicle that otherwise could not be or brings its line home a \
            working day earlier. A line nothing touched keeps its itinerary; so does every line outside --route.

            Examples:
              ecv replan --from 2027-04-12
              ecv replan --from 2027-03-08 --freeze-until 2027-03-15
              ecv replan --from 2027-03-08 --ready SN-FIRE-01=2027-03-22 --ready repairs.yaml
              ecv replan --from 2027-04-12 --format json --out plan.json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planning: PlanningOptions

    @Option(help: "The first day to plan again, YYYY-MM-DD.")
    var from: String

    @Option(
        help: ArgumentHelp(
            "Keep every still-fitting published visit before this day exactly, YYYY-MM-DD.", valueName: "day"))
    var freezeUntil: String?

    @Option(
        help: ArgumentHelp(
            "A repaired vehicle's re-check no earlier than DATE: VEHICLE=DATE, or a YAML file of `VEHICLE: DATE` lines (repeatable).",
            valueName: "vehicle=date|file"))
    var ready: [String] = []

    func run() throws {
        guard let day = CalendarDay(iso: from) else {
            throw ValidationError("--from must be YYYY-MM-DD, found `\(Terminal.safe(from))`")
        }
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let previous = try PlanStorage.load(.published, from: store, catalog: catalog)
        let verdicts = Dictionary(
            try store.board(catalog).map { ($0.vehicle, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        for route in planning.route {
            try GlobalOptions.requireKnown("route", route, among: catalog.routes.map(\.id))
        }
        let limits = Continuation.Limits(
            routes: planning.route.isEmpty ? nil : Set(planning.route), freezeUntil: try freezeDay(),
            ready: try readyDays(catalog))
        let continuation = Continuation(
            previous: previous.plan, from: day, verdicts: verdicts, catalog: catalog, limits: limits)
        // Routes outside --route are kept whole, so the planner still sees them all.
        var everyRoute = planning
        everyRoute.route = []
        let plan = try everyRoute.plan(catalog, global: global, continuation: continuation)
        try DraftOutput(catalog: catalog, store: store, planning: planning, root: global.rootURL).finish(
            plan, fromDay: day, context: PlanDiff.Context(from: day, done: continuation.done))
    }

    private func freezeDay() throws -> CalendarDay? {
        try freezeUntil.map { text in
            guard let day = CalendarDay(iso: text) else {
                throw ValidationError("--freeze-until must be YYYY-MM-DD, found `\(Terminal.safe(text))`")
            }
            return day
        }
    }

    /// The repair dates of every `--ready`, given as `VEHICLE=DATE` or as a YAML file.
    private func readyDays(_ catalog: Catalog) throws -> [String: CalendarDay] {
        var days: [String: CalendarDay] = [:]
        for value in ready {
            guard let equals = value.firstIndex(of: "=") else {
                do {
                    days.merge(try ReadyFile.read(value, catalog: catalog)) { _, new in new }
                } catch {
                    throw CLIError.badFile(error.description)
                }
                continue
            }
            let vehicle = String(value[..<equals])
            let text = String(value[value.index(after: equals)...])
            _ = try global.placement(of: vehicle, in: catalog)
            guard let day = CalendarDay(iso: text) else {
                throw ValidationError(
                    "--ready \(Terminal.safe(vehicle))=… must give a date YYYY-MM-DD, found `\(Terminal.safe(text))`")
            }
            days[vehicle] = day
        }
        return days
    }
}
