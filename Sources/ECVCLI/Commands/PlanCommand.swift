import ArgumentParser
import ECVCatalog
import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// `ecv plan`: plans the tour as a draft (its default subcommand, `make`) and manages the stored versions.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the tour as a draft: each team along its line, day by day; publish, list, show, diff versions.",
        discussion: """
            Every run stores a draft and prints what it changes against the published plan. Teams follow only \
            the published plan: `ecv plan publish` makes a draft the one `today`, the web form, calendars, \
            bundles and reports use. `ecv plan` alone is `ecv plan make`.

            Examples:
              ecv plan
              ecv plan --route northeast --route north-china
              ecv plan --format json --out plan.json
              ecv plan publish
              ecv plan list
              ecv plan show published --format ics --out calendars/
              ecv plan diff
            """,
        subcommands: [
            PlanMakeCommand.self, PlanPublishCommand.self, PlanListCommand.self, PlanShowCommand.self,
            PlanDiffCommand.self,
        ],
        defaultSubcommand: PlanMakeCommand.self
    )
}

/// `ecv plan make`, also `ecv plan`: schedules every team along its line and stores the plan as a draft.
struct PlanMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make",
        abstract: "Plan the tour and store it as a draft (the default of `ecv plan`).",
        discussion: """
            Teams drive and work only inside their line's work hours on workdays that are not holidays; a drive \
            pauses at the end of the day and goes on next morning. Each vehicle is visited once, on a day its \
            site is open, by its line's team (any team with --rebalance). Vehicles that cannot be scheduled \
            are listed with the reason.

            Examples:
              ecv plan
              ecv plan --route northeast --route north-china
              ecv plan --format json --out plan.json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planning: PlanningOptions

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let plan = try planning.plan(catalog, global: global, continuation: nil)
        try DraftOutput(catalog: catalog, store: store, planning: planning, root: global.rootURL).finish(
            plan, fromDay: nil, context: nil)
    }
}

/// The options `plan` and `replan` share: what to plan, how long to search, and where the plan goes.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Plan only this route (repeatable).")
    var route: [String] = []

    @Option(help: "Seed of the search; the same seed gives the same plan.")
    var seed: UInt64 = 1

    @Option(help: "Seconds to search at most.")
    var timeLimit: Double = 3

    @Option(help: "Search iterations at most.")
    var iterations: Int = 20_000

    @Flag(
        help: """
            Let any team take any vehicle when that schedules more or saves km. Vehicles move one by one \
            (a site's vehicles may be split between teams); a site with an appointment stays with its line.
            """)
    var rebalance = false

    @Flag(help: "With --rebalance, let one client's sites go to several teams (by default a client stays with one).")
    var splitClients = false

    @Option(
        help: ArgumentHelp(
            "A CSV of measured legs, from,to,km,minutes (site ids or base); default Routes/distances.csv if present.",
            valueName: "file"))
    var distances: String?

    @Option(
        help: ArgumentHelp(
            "Searches at once, one a core, sharing their best (default: this machine's cores); with 1, a seed and "
                + "--iterations give the same plan on any machine.", valueName: "n"))
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var output: PlanOutputOptions

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
    }

    /// Searches the plan, showing progress on a terminal.
    func plan(_ catalog: Catalog, global: GlobalOptions, continuation: Continuation?) throws -> TourPlan {
        var options = Planner.Options()
        options.seed = seed
        options.threads = threads
        let limit = Duration.milliseconds(Int(timeLimit * 1000))
        options.timeLimit = limit
        // The limit bounds the whole command: reading the files came out of it, and writing the plan, the draft
        // and its changes must still fit in it.
        options.deadline = CommandClock.started + limit - Self.writingTime(vehicles: catalog.vehicleIDs.count)
        options.maxIterations = iterations
        options.routes = route.isEmpty ? nil : route
        options.rebalance = rebalance
        options.splitClients = splitClients
        options.distances = try measuredLegs(catalog, global: global)
        options.continuation = continuation
        let reporter = ProgressReporter()
        defer { reporter.finish() }
        do {
            return try Planner(catalog: catalog, options: options).plan { progress in
                reporter.report(
                    String(
                        format: "best cost %.0f (%.0f km), %d of %d vehicles scheduled", progress.bestCost,
                        progress.bestKm,
                        progress.scheduled,
                        progress.total),
                    after: progress.elapsed)
            }
        } catch {
            throw CLIError.planning(error)
        }
    }

    /// About how long writing a plan of `vehicles` takes once it is made: the output, the stored draft and its
    /// changes against the published plan (measured 49 µs a vehicle on a 10,000-vehicle tour, release build).
    static func writingTime(vehicles: Int) -> Duration {
        .microseconds(60 * vehicles)
    }

    /// The distance table of `--distances`, or of `Routes/distances.csv` when that file exists.
    func measuredLegs(_ catalog: Catalog, global: GlobalOptions) throws -> DistanceTable {
        let fallback = global.rootURL.appendingPathComponent("Routes/distances.csv").path
        guard let path = distances ?? (FileManager.default.fileExists(atPath: fallback) ? fallback : nil) else {
            return DistanceTable()
        }
        let places = Set(catalog.routes.flatMap(\.sites).map(\.id) + ["base"])
        do {
            return try DistanceFile.read(path, knownPlaces: places)
        } catch {
            throw CLIError.badFile(error.description)
        }
    }
}

/// Where and how a plan is written: `plan`, `replan` and `plan show` share them.
struct PlanOutputOptions: ParsableArguments {
    @Option(help: "table, json, csv or ics.")
    var format: PlanFormat = .table

    @Option(help: "Write to this file (a folder for ics) instead of standard output.")
    var out: String?

    @Option(help: "Language of names in the table: zh, en or both.")
    var lang: Language = .en
}

/// The forms a plan is written in.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, ics
}
