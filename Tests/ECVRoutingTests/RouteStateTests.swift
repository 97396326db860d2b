import ECVTestSupport
import Testing

@testable import ECVRouting

/// A route brought up to date after an insertion from the inserted place only has the schedule that recomputing
/// all of it gives, to the bit: the search's feasibility checks read it.
@Suite struct RouteStateTests {
    @Test(arguments: 0..<12)
    func anInsertionUpdatesTheScheduleAsAWholeRecomputationDoes(_ seed: Int) {
        var problem = RandomProblems.make(
            jobs: 40, vehicles: 1, seed: UInt64(900 + seed), windowsPerJob: 1 + seed % 3)
        // Loose windows and a long shift, so that most insertions fit and the routes grow long; every other
        // problem with a daily travel limit, whose schedule carries the day's travel along.
        problem.vehicles[0].shift = TimeWindow(0, 4_000)
        for index in problem.jobs.indices {
            problem.jobs[index].windows = problem.jobs[index].windows.map { TimeWindow($0.start, $0.end + 150) }
        }
        problem.vehicles[0].capacity = 1_000
        problem.vehicles[0].skills = .skill(0)
        if seed % 2 == 0 { problem.vehicles[0].dailyTravel = DailyTravel(dayLength: 120, limit: 60) }
        let instance = Instance(problem)
        var random = SearchRandom(seed: UInt64(seed))
        var route = RouteState(vehicle: 0, instance: instance)
        var inserted = 0
        for job in 0..<instance.jobCount {
            let feasible = (0...route.count).filter { route.insertionDelta(of: job, at: $0, instance) != nil }
            guard !feasible.isEmpty else { continue }
            let position = feasible[random.below(feasible.count)]
            route.insert(job, at: position, instance)
            inserted += 1
            var whole = route
            whole.replaceJobs(route.jobs, instance)
            #expect(route.earliest == whole.earliest, "earliest after inserting job \(job) at \(position)")
            #expect(route.latest == whole.latest, "latest after inserting job \(job) at \(position)")
            #expect(route.drivenBefore == whole.drivenBefore)
            #expect(route.endArrival == whole.endArrival)
            #expect(route.latestDeparture == whole.latestDeparture)
            #expect(route.distance == whole.distance)
            #expect(route.load == whole.load)
        }
        #expect(inserted >= 6, "the route grows long enough to have a middle")
    }
}
