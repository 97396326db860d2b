import ECVRouting
import Testing

/// The worked example of the module's documentation (`ECVRouting.docc/ECVRouting.md`), run as written there.
@Suite struct DocumentationExampleTests {
    @Test func aTimeWindowDecidesTheOrder() {
        let x: [Double] = [0, 10, 20]
        let legs = x.flatMap { from in x.map { to in abs(from - to) } }
        let problem = RoutingProblem(
            jobs: [
                RoutingProblem.Job(location: 2, serviceDuration: 5, windows: [TimeWindow(0, 25)]),
                RoutingProblem.Job(location: 1, serviceDuration: 5, windows: [TimeWindow(30, 100)]),
            ],
            vehicles: [RoutingProblem.Vehicle(startLocation: 0, endLocation: 0, shift: TimeWindow(0, 200))],
            matrix: TravelMatrix(size: 3, distances: legs, durations: legs))
        var options = Solver.Options()
        options.timeLimit = nil  // no clock: the same seed gives the same solution
        options.maxIterations = 200
        let solution = Solver(problem: problem, options: options).solve()
        #expect(solution.routes.map(\.jobs) == [[0, 1]])
        #expect(solution.routes.first?.starts == [20, 35])
        #expect(solution.distance == 40)
        #expect(solution.unassigned.isEmpty)
    }
}
