import ECVTestSupport
import Testing

@testable import ECVRouting

@Suite struct LocalSearchTests {
    /// The search state as a solution the independent checker reads.
    static func solution(_ state: SearchState, _ instance: Instance) -> RoutingSolution {
        let routes = state.routes.filter { !$0.isEmpty }.map { route in
            RoutingSolution.Route(
                vehicle: route.vehicle, jobs: route.jobs, starts: route.earliest, departure: route.latestDeparture,
                arrival: route.endArrival, distance: route.distance)
        }
        return RoutingSolution(
            routes: routes, unassigned: state.unassigned.map { .init(job: $0, reason: .noRoom) },
            distance: routes.reduce(0) { $0 + $1.distance }, duration: 0, iterations: 0)
    }

    @Test(arguments: 0..<10)
    func polishingAConstructionShortensItAndKeepsItFeasible(_ seed: Int) {
        var problem = RandomProblems.make(jobs: 30, vehicles: 4, seed: UInt64(500 + seed), windowsPerJob: 2)
        if seed % 2 == 0 { problem.vehicles[0].dailyTravel = DailyTravel(dayLength: 120, limit: 60) }
        let instance = Instance(problem)
        var state = SearchState(instance)
        var random = SearchRandom(seed: UInt64(seed))
        var recreate = Recreate(instance)
        recreate.blinkRate = 0
        recreate.run(&state, instance, &random)
        let before = state.objective(instance)
        #expect(RoutingCheck.violation(Self.solution(state, instance), problem) == nil)
        LocalSearch().improve(&state, instance) { false }
        let after = state.objective(instance)
        #expect(after.unassigned == before.unassigned)
        #expect(after.cost <= before.cost + 1e-9)
        #expect(RoutingCheck.violation(Self.solution(state, instance), problem) == nil, "seed \(seed)")
    }

    @Test func polishingImprovesADeliberatelyBadOrder() {
        let problem = RandomProblems.make(jobs: 12, vehicles: 1, seed: 9)
        var wide = problem
        for job in wide.jobs.indices { wide.jobs[job].windows = [TimeWindow(0, 10_000)] }
        wide.vehicles[0].shift = TimeWindow(0, 100_000)
        wide.vehicles[0].capacity = .max
        let instance = Instance(wide)
        var state = SearchState(instance)
        // Jobs in index order, which zig-zags across the square.
        for job in 0..<instance.jobCount { state.insert(job, route: 0, at: job, instance) }
        state.unassigned = []
        let before = state.objective(instance).cost
        LocalSearch().improve(&state, instance) { false }
        #expect(state.objective(instance).cost < before * 0.9)
        #expect(RoutingCheck.violation(Self.solution(state, instance), wide) == nil)
    }
}
