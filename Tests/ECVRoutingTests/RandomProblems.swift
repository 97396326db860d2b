import ECVRouting
import ECVTestSupport

/// Small random VRPTW problems: points on a 100 × 100 square, windows of random width, a few skills.
enum RandomProblems {
    static func make(jobs: Int, vehicles: Int, seed: UInt64, windowsPerJob: Int = 1) -> RoutingProblem {
        var random = SeededGenerator(seed: seed)
        let size = jobs + 1
        let points = (0..<size).map { _ in
            (Double.random(in: 0...100, using: &random), Double.random(in: 0...100, using: &random))
        }
        var distances = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size {
                let dx = points[i].0 - points[j].0
                let dy = points[i].1 - points[j].1
                distances[i * size + j] = (dx * dx + dy * dy).squareRoot()
            }
        }
        let horizon = 400.0
        let jobList = (1...jobs).map { location -> RoutingProblem.Job in
            var windows: [TimeWindow] = []
            var from = 0.0
            for _ in 0..<windowsPerJob {
                let start = Double.random(in: from...(from + horizon / Double(windowsPerJob) * 0.6), using: &random)
                let end = start + Double.random(in: 10...120, using: &random)
                windows.append(TimeWindow(start, end))
                from = end + 1
            }
            return RoutingProblem.Job(
                location: location, serviceDuration: Double.random(in: 5...20, using: &random), windows: windows,
                skills: Int.random(in: 0..<5, using: &random) == 0 ? .skill(0) : [],
                demand: Int.random(in: 1...10, using: &random),
                priority: Int.random(in: 0..<4, using: &random) == 0 ? .high : .normal)
        }
        let fleet = (0..<vehicles).map { index in
            RoutingProblem.Vehicle(
                startLocation: 0, endLocation: 0, shift: TimeWindow(0, horizon + 200),
                skills: index == 0 ? .skill(0) : [], capacity: Int.random(in: 15...40, using: &random))
        }
        return RoutingProblem(
            jobs: jobList, vehicles: fleet, matrix: TravelMatrix(size: size, distances: distances, durations: distances)
        )
    }
}
