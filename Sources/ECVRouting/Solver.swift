import Foundation

/// Solves a `RoutingProblem` by ruin and recreate (SISR) under simulated annealing, starting from a
/// greedy construction.
public struct Solver: Sendable {
    /// How long and how the search runs.
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        /// Wall-clock limit; `nil` for none (then the run is fully repeatable).
        public var timeLimit: Duration? = .seconds(5)
        public var maxIterations: Int = 1_000_000
        /// Stop after this many iterations without a new best solution.
        public var maxIterationsWithoutImprovement: Int = .max
        /// Weight of route duration next to distance; small, so it only breaks ties.
        public var durationWeight: Double = 0
        /// Starting and final temperature, as multiples of the initial solution's average cost per job.
        public var initialTemperature = 3.0
        public var finalTemperature = 0.01

        public init() {}
    }

    /// What the search reports while it runs.
    public struct Progress: Sendable {
        public var iteration: Int
        public var elapsed: Duration
        public var bestDistance: Double
        /// The objective's cost of the best solution: distance, fixed costs and time costs, in distance units.
        public var bestCost: Double
        public var assigned: Int
    }

    public let problem: RoutingProblem
    public var options: Options

    public init(problem: RoutingProblem, options: Options = Options()) {
        self.problem = problem
        self.options = options
    }

    /// Runs the search; `progress` is called on every new best solution.
    public func solve(progress: ((Progress) -> Void)? = nil) -> RoutingSolution {
        let instance = Instance(problem)
        var random = SearchRandom(seed: options.seed)
        var recreate = Recreate(instance)
        let ruin = Ruin()
        let clock = ContinuousClock()
        let started = clock.now

        var current = SearchState(instance)
        recreate.blinkRate = 0
        recreate.run(&current, instance, &random)
        recreate.blinkRate = 0.01
        var best = current
        var bestObjective = best.objective(instance)
        let penalty = self.penalty(instance)
        var currentScalar = bestObjective.scalar(penalty: penalty, durationWeight: options.durationWeight)
        let scale = bestObjective.cost / Double(max(1, instance.jobCount - best.unassigned.count))
        let startTemperature = options.initialTemperature * scale
        let endTemperature = options.finalTemperature * scale
        var sinceImprovement = 0
        progress?(report(best, iteration: 0, elapsed: clock.now - started, instance))

        var iteration = 0
        var fraction = 0.0
        while iteration < options.maxIterations, sinceImprovement < options.maxIterationsWithoutImprovement {
            iteration += 1
            if iteration & 63 == 0 {
                fraction = Double(iteration) / Double(options.maxIterations)
                if let limit = options.timeLimit {
                    let elapsed = clock.now - started
                    if elapsed >= limit { break }
                    fraction = max(fraction, elapsed / limit)
                }
            }
            let temperature = startTemperature * pow(endTemperature / startTemperature, fraction)
            var candidate = current
            ruin.run(&candidate, instance, &random)
            recreate.run(&candidate, instance, &random)
            let objective = candidate.objective(instance)
            let candidateScalar = objective.scalar(penalty: penalty, durationWeight: options.durationWeight)
            if candidateScalar < currentScalar - temperature * log(random.unit() + 1e-300) {
                current = candidate
                currentScalar = candidateScalar
            }
            sinceImprovement += 1
            if objective < bestObjective {
                best = candidate
                bestObjective = objective
                sinceImprovement = 0
                progress?(report(best, iteration: iteration, elapsed: clock.now - started, instance))
            }
        }
        // The last polish: classic moves on the best solution, at most half a second (a quarter of a short
        // limit) past the time limit.
        LocalSearch().improve(&best, instance) {
            options.timeLimit.map { clock.now - started >= $0 + min(.milliseconds(500), $0 / 4) } ?? false
        }
        if best.objective(instance) < bestObjective {
            progress?(report(best, iteration: iteration, elapsed: clock.now - started, instance))
        }
        return solution(from: best, iterations: iteration, instance)
    }

    /// A cost per left-out job larger than any solution's distance, so that serving comes first.
    private func penalty(_ instance: Instance) -> Double {
        let longest = instance.distance.max() ?? 1
        return max(1, longest) * 2 * Double(instance.jobCount + instance.vehicleCount + 1) * 10
    }

    private func report(_ state: SearchState, iteration: Int, elapsed: Duration, _ instance: Instance) -> Progress {
        Progress(
            iteration: iteration, elapsed: elapsed, bestDistance: state.routes.reduce(0) { $0 + $1.usedDistance },
            bestCost: state.objective(instance).cost, assigned: instance.jobCount - state.unassigned.count)
    }

    private func solution(from state: SearchState, iterations: Int, _ instance: Instance) -> RoutingSolution {
        let routes = state.routes.filter { !$0.isEmpty }.map { route in
            RoutingSolution.Route(
                vehicle: route.vehicle, jobs: route.jobs, starts: route.earliest, departure: route.latestDeparture,
                arrival: route.endArrival, distance: route.distance)
        }
        let unassigned = state.unassigned.sorted().map { job in
            RoutingSolution.Unassigned(job: job, reason: UnassignedReason.explain(job, instance))
        }
        return RoutingSolution(
            routes: routes, unassigned: unassigned, distance: routes.reduce(0) { $0 + $1.distance },
            duration: routes.reduce(0) { $0 + ($1.arrival - $1.departure) }, iterations: iterations)
    }
}

extension RouteState {
    /// Route distance, 0 when unused (an unused route may still have a base-to-base distance).
    var usedDistance: Double { isEmpty ? 0 : distance }
}

extension UnassignedReason {
    /// Why `job` cannot be placed: the first intrinsic obstacle, else lack of room.
    static func explain(_ job: Int, _ instance: Instance) -> UnassignedReason {
        let capable = (0..<instance.vehicleCount).filter { instance.canServe($0, job) }
        if capable.isEmpty { return .missingSkills }
        let roomy = capable.filter { instance.demand[job] <= instance.capacity[$0] }
        if roomy.isEmpty { return .exceedsCapacity }
        let reachable = roomy.contains { vehicle in
            RouteState(vehicle: vehicle, instance: instance).insertionDelta(of: job, at: 0, instance) != nil
        }
        return reachable ? .noRoom : .noReachableWindow
    }
}
