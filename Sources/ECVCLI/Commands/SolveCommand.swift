import ArgumentParser
import ECVRouting
import Foundation

/// `ecv solve FILE`: the routing engine on a standard VRPTW instance.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a VRPTW instance in Solomon's text format.",
        discussion: """
            Distances are Euclidean in double precision, travel time equals distance, service starts inside \
            [ready, due] and every route is back at the depot by its due date; the fleet size and capacity \
            come from the file. The objective is total distance. This is how ecv's engine is compared with \
            other solvers.

            Examples:
              ecv solve Benchmarks/Data/solomon/instances/C101.txt
              ecv solve R101.txt --time-limit 30 --seed 7 --format json
            """
    )

    @Argument(help: "The instance file.")
    var file: String

    @Option(help: "Seconds to search.")
    var timeLimit: Double = 5

    @Option(help: "Seed of the search; the same seed and iteration count give the same solution.")
    var seed: UInt64 = 1

    @Option(help: "Stop after this many iterations (before the time limit).")
    var iterations: Int?

    @Option(
        help: ArgumentHelp(
            "Searches at once, one a core, sharing their best (default: this machine's cores); with 1, a seed and "
                + "--iterations give the same solution on any machine.", valueName: "n"))
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.unreadableFile(file) }
        let instance: SolomonInstance
        do {
            instance = try SolomonInstance(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw CLIError.badInstance(file: file, error)
        }
        var options = Solver.Options()
        options.seed = seed
        options.threads = threads
        options.timeLimit = .milliseconds(Int(timeLimit * 1000))
        options.maxIterations = iterations ?? .max
        let reporter = ProgressReporter()
        let solution = Solver(problem: instance.problem, options: options).solve { progress in
            reporter.report(
                "\(Int(progress.assigned)) customers served, distance \(String(format: "%.2f", progress.bestDistance))",
                after: progress.elapsed)
        }
        reporter.finish()
        // Customers are numbered from 1 in the file; job j is customer j + 1.
        let routes = solution.routes.map { $0.jobs.map { $0 + 1 } }
        switch format {
        case .json:
            try Output.writeJSON(
                SolveDocument(
                    instance: instance.name, distance: solution.distance, vehicles: routes.count, routes: routes))
        case .table:
            var table = TextTable(
                headers: ["route", "customers", "distance", "customers served"], rightAligned: [0, 1, 2])
            for (index, route) in solution.routes.enumerated() {
                table.append([
                    String(index + 1), String(route.jobs.count), String(format: "%.2f", route.distance),
                    routes[index].map(String.init).joined(separator: " "),
                ])
            }
            let unserved = solution.unassigned.map { String($0.job + 1) }.joined(separator: " ")
            Output.write(
                table.rendered()
                    + String(
                        format: "%@: distance %.2f, %d vehicles, %d iterations", instance.name, solution.distance,
                        routes.count, solution.iterations)
                    + (unserved.isEmpty ? "" : ", unserved: \(unserved)") + "\n")
        }
    }

    /// The JSON document of `ecv solve --format json` (`ecv-solve/1`).
    struct SolveDocument: Encodable {
        var format = "ecv-solve/1"
        var instance: String
        var distance: Double
        var vehicles: Int
        var routes: [[Int]]
    }
}
