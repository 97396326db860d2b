import ECVRouting
import ECVTestSupport
import Testing

@Suite struct SolverTests {
    static func options(seed: UInt64 = 1, iterations: Int = 3_000) -> Solver.Options {
        var options = Solver.Options()
        options.seed = seed
        options.timeLimit = nil
        options.maxIterations = iterations
        return options
    }

    /// Solves `problem` and compares with the brute-force optimum, after the independent check.
    static func expectOptimal(_ problem: RoutingProblem, sourceLocation: SourceLocation = #_sourceLocation) {
        let solution = Solver(problem: problem, options: options()).solve()
        #expect(RoutingCheck.violation(solution, problem) == nil, sourceLocation: sourceLocation)
        let optimum = BruteForce.optimum(problem)
        let high = solution.unassigned.filter { problem.jobs[$0.job].priority == .high }.count
        #expect(high == optimum.high, sourceLocation: sourceLocation)
        #expect(solution.unassigned.count == optimum.left, sourceLocation: sourceLocation)
        #expect(abs(solution.distance - optimum.distance) < 1e-6, sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<30)
    func findsTheOptimumOfSmallProblems(_ seed: Int) {
        Self.expectOptimal(RandomProblems.make(jobs: 6 + seed % 2, vehicles: 2, seed: UInt64(seed)))
    }

    @Test(arguments: 0..<10)
    func handlesJobsWithSeveralWindows(_ seed: Int) {
        let problem = RandomProblems.make(jobs: 6, vehicles: 1, seed: UInt64(100 + seed), windowsPerJob: 3)
        Self.expectOptimal(problem)
    }

    @Test(arguments: 0..<12)
    func honoursADailyTravelLimit(_ seed: Int) {
        // Integer travel times keep the minute-by-minute brute force exact.
        var problem = RandomProblems.make(jobs: 6, vehicles: 1, seed: UInt64(200 + seed), windowsPerJob: 2)
        let size = problem.matrix.size
        let rounded = problem.matrix.distances.map { $0.rounded(.up) }
        problem.matrix = TravelMatrix(size: size, distances: rounded, durations: rounded)
        problem.vehicles[0].dailyTravel = DailyTravel(dayLength: 100, limit: 40)
        Self.expectOptimal(problem)
    }

    @Test func jobsGoOnlyOnAllowedVehicles() {
        var problem = RandomProblems.make(jobs: 7, vehicles: 2, seed: 31)
        for job in problem.jobs.indices { problem.jobs[job].allowedVehicles = [job % 2] }
        Self.expectOptimal(problem)
    }

    @Test(arguments: 0..<8)
    func vehiclesTravelAndCountTimeByTheirOwnProfiles(_ seed: Int) {
        var problem = RandomProblems.make(jobs: 6, vehicles: 2, seed: UInt64(300 + seed))
        let slow = problem.matrix.distances.map { $0 * 1.5 }
        problem.matrices.append(TravelMatrix(size: problem.matrix.size, distances: slow, durations: slow))
        problem.vehicles[1].travelProfile = 1
        problem.vehicles[1].clock = 1
        for job in problem.jobs.indices {
            let base = RoutingProblem.Terms(
                serviceDuration: problem.jobs[job].serviceDuration, windows: problem.jobs[job].windows)
            let shifted = RoutingProblem.Terms(
                serviceDuration: base.serviceDuration * 2,
                windows: base.windows.map { TimeWindow($0.start + 50, $0.end + 50) })
            problem.jobs[job].termsByClock = [base, shifted]
        }
        Self.expectOptimal(problem)
    }

    @Test func theSameSeedGivesTheSameSolution() {
        let problem = RandomProblems.make(jobs: 40, vehicles: 5, seed: 7)
        let first = Solver(problem: problem, options: Self.options(seed: 3)).solve()
        let second = Solver(problem: problem, options: Self.options(seed: 3)).solve()
        #expect(first == second)
        #expect(RoutingCheck.violation(first, problem) == nil)
    }

    @Test func parallelWalksWithASeedAndAnIterationCountRepeatThemselvesAndStayValid() throws {
        let text = try String(
            contentsOf: ProjectPaths.solomonInstances.appendingPathComponent("R101.txt"), encoding: .utf8)
        let instance = try SolomonInstance(parsing: text)
        var options = Self.options(seed: 5, iterations: 1_500)
        options.threads = 2
        options.shareEvery = 200
        let first = Solver(problem: instance.problem, options: options).solve()
        let second = Solver(problem: instance.problem, options: options).solve()
        #expect(first == second, "with the same threads, seed and iterations the walks exchange at the same points")
        #expect(SolomonCheck.violation(first, instance) == nil)
        #expect(RoutingCheck.violation(first, instance.problem) == nil)
        #expect(first.unassigned.isEmpty)
        #expect(first.iterations == 2 * 1_500, "each walk made its iterations")
    }

    @Test func reportsWhyJobsAreLeftOut() {
        var problem = RandomProblems.make(jobs: 4, vehicles: 1, seed: 11)
        problem.jobs[0].skills = .skill(5)
        problem.jobs[1].demand = 1_000
        problem.jobs[2].windows = [TimeWindow(10_000, 10_010)]
        let solution = Solver(problem: problem, options: Self.options(iterations: 200)).solve()
        let reasons = Dictionary(uniqueKeysWithValues: solution.unassigned.map { ($0.job, $0.reason) })
        #expect(reasons[0] == .missingSkills)
        #expect(reasons[1] == .exceedsCapacity)
        #expect(reasons[2] == .noReachableWindow)
        #expect(RoutingCheck.violation(solution, problem) == nil)
    }

    @Test func pinnedJobsStartExactlyOnTime() {
        var problem = RandomProblems.make(jobs: 8, vehicles: 2, seed: 21)
        problem.jobs[3] = .pinned(location: problem.jobs[3].location, serviceDuration: 10, at: 150)
        let solution = Solver(problem: problem, options: Self.options()).solve()
        #expect(RoutingCheck.violation(solution, problem) == nil)
        let route = solution.routes.first { $0.jobs.contains(3) }
        let index = route?.jobs.firstIndex(of: 3)
        #expect(index.map { route?.starts[$0] } == 150)
    }

    @Test func everySolomonSolutionPassesTheIndependentCheck() throws {
        let text = try String(
            contentsOf: ProjectPaths.solomonInstances.appendingPathComponent("RC101.txt"), encoding: .utf8)
        let instance = try SolomonInstance(parsing: text)
        let solution = Solver(problem: instance.problem, options: Self.options(iterations: 300)).solve()
        #expect(SolomonCheck.violation(solution, instance) == nil)
        #expect(RoutingCheck.violation(solution, instance.problem) == nil)
        #expect(solution.unassigned.isEmpty)
    }
}
