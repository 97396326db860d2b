import ECVRouting
import Foundation

/// The optimum of a tiny problem by enumeration: every subset of jobs, every order, every split among
/// vehicles; scored like the engine's objective (high-priority left out, left out, distance).
enum BruteForce {
    struct Score: Comparable {
        var high: Int
        var left: Int
        var distance: Double

        static func < (a: Score, b: Score) -> Bool {
            if a.high != b.high { return a.high < b.high }
            if a.left != b.left { return a.left < b.left }
            return a.distance < b.distance - 1e-9
        }
    }

    static func optimum(_ problem: RoutingProblem) -> Score {
        let n = problem.jobs.count
        var best = Score(high: Int.max, left: Int.max, distance: .infinity)
        // Assign each job a vehicle or none (base vehicles + 1), then try all orders per vehicle.
        var assignment = [Int](repeating: 0, count: n)
        let options = problem.vehicles.count + 1
        let total = Int(pow(Double(options), Double(n)))
        for code in 0..<total {
            var rest = code
            for j in 0..<n {
                assignment[j] = rest % options
                rest /= options
            }
            var distance = 0.0
            var feasible = true
            for vehicle in problem.vehicles.indices {
                let jobs = (0..<n).filter { assignment[$0] == vehicle }
                guard let cheapest = cheapestOrder(jobs, vehicle: vehicle, problem) else {
                    feasible = false
                    break
                }
                distance += cheapest
            }
            guard feasible else { continue }
            let left = (0..<n).filter { assignment[$0] == options - 1 }
            let score = Score(
                high: left.filter { problem.jobs[$0].priority == .high }.count, left: left.count, distance: distance)
            if score < best { best = score }
        }
        return best
    }

    /// The shortest feasible order of `jobs` on `vehicle`, or nil.
    private static func cheapestOrder(_ jobs: [Int], vehicle: Int, _ problem: RoutingProblem) -> Double? {
        let spec = problem.vehicles[vehicle]
        if jobs.isEmpty { return 0 }
        if jobs.contains(where: { !spec.skills.isSuperset(of: problem.jobs[$0].skills) }) { return nil }
        if jobs.reduce(0, { $0 + problem.jobs[$1].demand }) > spec.capacity { return nil }
        var best: Double?
        var order = jobs
        permute(&order, 0) { sequence in
            if let distance = evaluate(sequence, spec, problem), distance < (best ?? .infinity) { best = distance }
        }
        return best.map { $0 + spec.fixedCost }
    }

    private static func evaluate(_ sequence: [Int], _ vehicle: RoutingProblem.Vehicle, _ problem: RoutingProblem)
        -> Double?
    {
        var time = vehicle.shift.start
        var at = vehicle.startLocation
        var distance = 0.0
        for job in sequence {
            let spec = problem.jobs[job]
            let arrival = time + problem.matrix.duration(at, spec.location)
            guard let window = spec.windows.first(where: { arrival <= $0.end }) else { return nil }
            time = max(arrival, window.start) + spec.serviceDuration
            distance += problem.matrix.distance(at, spec.location)
            at = spec.location
        }
        guard time + problem.matrix.duration(at, vehicle.endLocation) <= vehicle.shift.end else { return nil }
        return distance + problem.matrix.distance(at, vehicle.endLocation)
    }

    private static func permute(_ items: inout [Int], _ k: Int, _ visit: ([Int]) -> Void) {
        if k == items.count {
            visit(items)
            return
        }
        for i in k..<items.count {
            items.swapAt(k, i)
            permute(&items, k + 1, visit)
            items.swapAt(k, i)
        }
    }
}
