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
            if let distance = evaluate(sequence, vehicle, problem), distance < (best ?? .infinity) { best = distance }
        }
        return best.map { $0 + spec.fixedCost }
    }

    private static func evaluate(_ sequence: [Int], _ index: Int, _ problem: RoutingProblem) -> Double? {
        let vehicle = problem.vehicles[index]
        var time = vehicle.shift.start
        var at = vehicle.startLocation
        var distance = 0.0
        var drivenOn: [Int: Double] = [:]
        // Travel minute by minute, so that the daily limit is modelled differently from the engine.
        func travel(_ from: Int, _ to: Int) {
            var left = problem.matrices[vehicle.travelProfile].duration(from, to)
            guard let rule = vehicle.dailyTravel else {
                time += left
                return
            }
            while left > 0 {
                let day = Int((time / rule.dayLength).rounded(.down))
                let step = min(1, left, Double(day + 1) * rule.dayLength - time)
                if drivenOn[day, default: 0] + step <= rule.limit + 1e-9 {
                    drivenOn[day, default: 0] += step
                    left -= step
                    time += step
                } else {
                    time = Double(day + 1) * rule.dayLength
                }
            }
        }
        for job in sequence {
            let spec = problem.jobs[job]
            if let allowed = spec.allowedVehicles, !allowed.contains(index) {
                return nil
            }
            travel(at, spec.location)
            let arrival = time
            let terms =
                spec.termsByClock?[vehicle.clock] ?? .init(serviceDuration: spec.serviceDuration, windows: spec.windows)
            guard let window = terms.windows.first(where: { arrival <= $0.end }) else { return nil }
            time = max(arrival, window.start) + terms.serviceDuration
            distance += problem.matrices[vehicle.travelProfile].distance(at, spec.location)
            at = spec.location
        }
        travel(at, vehicle.endLocation)
        guard time <= vehicle.shift.end else { return nil }
        return distance + problem.matrices[vehicle.travelProfile].distance(at, vehicle.endLocation)
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
