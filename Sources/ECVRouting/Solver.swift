import Foundation

/// Solves a `RoutingProblem` by ruin and recreate (SISR) under simulated annealing, starting from a
/// greedy construction.
public struct Solver: Sendable {
    /// How long and how the search runs.
    public struct Options: Sendable {
        /// Seeds the search's random choices: one seed, one solution when the search runs on one thread.
        public var seed: UInt64 = 1
        /// Wall-clock limit; `nil` for none (then the run is fully repeatable).
        public var timeLimit: Duration? = .seconds(5)
        /// Stop after this many iterations in all.
        public var maxIterations: Int = 1_000_000
        /// Stop after this many iterations without a new best solution.
        public var maxIterationsWithoutImprovement: Int = .max
        /// Weight of route duration next to distance; small, so it only breaks ties.
        public var durationWeight: Double = 0
        /// Starting and final temperature, as multiples of the initial solution's average cost per job.
        public var initialTemperature = 3.0
        /// The temperature at the end of the schedule: near zero, so the last iterations only take improvements.
        public var finalTemperature = 0.01
        /// Walks searched at once, one a core, sharing their best every `shareEvery` iterations; 1 searches on
        /// the calling thread alone, and a seed then gives the same solution on any machine.
        public var threads = 1
        /// Iterations each walk makes between two exchanges of the best solution.
        public var shareEvery = 500

        /// The defaults: seed 1, five seconds, one thread.
        public init() {}
    }

    /// What the search reports while it runs.
    public struct Progress: Sendable {
        /// Iterations made so far.
        public var iteration: Int
        /// Time since the search started.
        public var elapsed: Duration
        /// The distance of the best solution so far.
        public var bestDistance: Double
        /// The objective's cost of the best solution: distance, fixed costs and time costs, in distance units.
        public var bestCost: Double
        /// Jobs the best solution serves.
        public var assigned: Int
    }

    /// The problem the solver works on.
    public let problem: RoutingProblem
    /// How the search runs.
    public var options: Options

    /// A solver for `problem`, run with `options`.
    public init(problem: RoutingProblem, options: Options = Options()) {
        self.problem = problem
        self.options = options
    }

    /// Runs the search; `progress` is called on every new best solution.
    public func solve(progress: ((Progress) -> Void)? = nil) -> RoutingSolution {
        let instance = Instance(problem)
        let clock = ContinuousClock()
        let started = clock.now
        let penalty = self.penalty(instance)
        var (best, iterations): (SearchState, Int) =
            options.threads > 1
            ? parallel(instance, penalty: penalty, clock: clock, started: started, progress: progress)
            : single(instance, penalty: penalty, clock: clock, started: started, progress: progress)
        let bestObjective = best.objective(instance)
        // The last polish: classic moves on the best solution, at most half a second (a quarter of a short
        // limit) past the time limit.
        LocalSearch().improve(&best, instance) {
            options.timeLimit.map { clock.now - started >= $0 + min(.milliseconds(500), $0 / 4) } ?? false
        }
        if best.objective(instance) < bestObjective {
            progress?(report(best, iteration: iterations, elapsed: clock.now - started, instance))
        }
        return solution(from: best, iterations: iterations, instance)
    }

    /// Where in the cooling schedule iteration `iteration` is: the larger of the share of iterations and the
    /// share of the time limit gone; `nil` once the time limit is reached.
    private func fraction(
        at iteration: Int, clock: ContinuousClock, started: ContinuousClock.Instant
    ) -> Double? {
        let share = Double(iteration) / Double(options.maxIterations)
        guard let limit = options.timeLimit else { return share }
        let elapsed = clock.now - started
        return elapsed >= limit ? nil : max(share, elapsed / limit)
    }

    /// The cooling schedule's place at iteration `iteration`, `nil` once the time limit is reached.
    ///
    /// The schedule steps every 64th iteration, the cadence a seed repeats; under a time limit the clock is read on
    /// every iteration, since one iteration on a tour of thousands of vehicles with many left out can take tens of
    /// milliseconds.
    @inline(__always)
    private func schedule(
        at iteration: Int, was fraction: Double, clock: ContinuousClock, started: ContinuousClock.Instant
    ) -> Double? {
        if iteration & 63 == 0 { return self.fraction(at: iteration, clock: clock, started: started) }
        guard let limit = options.timeLimit else { return fraction }
        return clock.now - started >= limit ? nil : fraction
    }

    /// One walk on the calling thread.
    private func single(
        _ instance: Instance, penalty: Double, clock: ContinuousClock, started: ContinuousClock.Instant,
        progress: ((Progress) -> Void)?
    ) -> (SearchState, Int) {
        var walk = AnnealingWalk(instance, seed: options.seed, options: options, penalty: penalty)
        progress?(report(walk.best, iteration: 0, elapsed: clock.now - started, instance))
        var iteration = 0
        var fraction = 0.0
        while iteration < options.maxIterations, walk.sinceImprovement < options.maxIterationsWithoutImprovement {
            iteration += 1
            guard let now = schedule(at: iteration, was: fraction, clock: clock, started: started) else { break }
            fraction = now
            if walk.step(instance, fraction: fraction) {
                progress?(report(walk.best, iteration: iteration, elapsed: clock.now - started, instance))
            }
        }
        return (walk.best, iteration)
    }

    /// `options.threads` walks at once, each from its own seed; every `shareEvery` iterations each takes the best
    /// any has found, and the walk whose own best is worst goes on from it.
    private func parallel(
        _ instance: Instance, penalty: Double, clock: ContinuousClock, started: ContinuousClock.Instant,
        progress: ((Progress) -> Void)?
    ) -> (SearchState, Int) {
        let count = options.threads
        let options = self.options
        let slots = (0..<count).map { _ in WalkSlot() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            // The first walk draws from the seed itself, the others from seeds far from it.
            let seed = options.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            slots[index].box = WalkBox(AnnealingWalk(instance, seed: seed, options: options, penalty: penalty))
        }
        let boxes = slots.compactMap(\.box)
        var best = boxes.map(\.walk).min { $0.bestObjective < $1.bestObjective }?.best ?? SearchState(instance)
        var bestObjective = best.objective(instance)
        progress?(report(best, iteration: 0, elapsed: clock.now - started, instance))
        var iteration = 0
        var timeUp = false
        while !timeUp, iteration < options.maxIterations,
            boxes.contains(where: { $0.walk.sinceImprovement < options.maxIterationsWithoutImprovement })
        {
            let first = iteration
            let last = min(options.maxIterations, iteration + max(64, options.shareEvery))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let box = boxes[index]
                var at = first
                var fraction = self.fraction(at: first, clock: clock, started: started) ?? 1
                while at < last, box.walk.sinceImprovement < options.maxIterationsWithoutImprovement {
                    at += 1
                    guard let now = self.schedule(at: at, was: fraction, clock: clock, started: started) else {
                        box.timeUp = true
                        break
                    }
                    fraction = now
                    _ = box.walk.step(instance, fraction: fraction)
                }
            }
            iteration = last
            timeUp = boxes.contains { $0.timeUp }
            // Ties go to the lower index: with the same threads, a seed without a time limit repeats itself.
            guard let leader = boxes.indices.min(by: { boxes[$0].walk.bestObjective < boxes[$1].walk.bestObjective }),
                let laggard = boxes.indices.max(by: { boxes[$0].walk.bestObjective < boxes[$1].walk.bestObjective })
            else { break }
            if boxes[leader].walk.bestObjective < bestObjective {
                best = boxes[leader].walk.best
                bestObjective = boxes[leader].walk.bestObjective
                progress?(report(best, iteration: iteration, elapsed: clock.now - started, instance))
            }
            for index in boxes.indices {
                boxes[index].walk.adopt(best, bestObjective, restart: index == laggard && laggard != leader)
            }
        }
        return (best, iteration * count)
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
