/// A complete assignment during the search: every vehicle's route and the jobs not (yet) placed.
struct SearchState {
    var routes: [RouteState]
    /// Route index of each job, or -1 when unassigned.
    var routeOf: [Int]
    var unassigned: [Int]

    init(_ instance: Instance) {
        routes = (0..<instance.vehicleCount).map { RouteState(vehicle: $0, instance: instance) }
        routeOf = [Int](repeating: -1, count: instance.jobCount)
        unassigned = Array(0..<instance.jobCount)
    }

    /// The objective as a tuple compared in order: high-priority jobs left out, jobs left out, distance
    /// (with fixed costs), duration.
    func objective(_ instance: Instance) -> Objective {
        var high = 0
        for job in unassigned where instance.isHighPriority[job] { high += 1 }
        var cost = 0.0
        var duration = 0.0
        for route in routes {
            cost += route.cost(instance)
            duration += route.duration(instance)
        }
        return Objective(unassignedHigh: high, unassigned: unassigned.count, cost: cost, duration: duration)
    }

    mutating func insert(_ job: Int, route r: Int, at position: Int, _ instance: Instance) {
        routes[r].insert(job, at: position, instance)
        routeOf[job] = r
    }

    /// Removes `jobs` (all in route `r`) and lists them as unassigned.
    mutating func remove(_ jobs: [Int], fromRoute r: Int, _ instance: Instance) {
        let positions = jobs.compactMap { job in routes[r].jobs.firstIndex(of: job) }
        routes[r].remove(at: positions, instance)
        for job in jobs {
            routeOf[job] = -1
            unassigned.append(job)
        }
    }
}

/// The hierarchical objective: fewer high-priority jobs left out beats anything else, then fewer jobs
/// left out, then less cost, then less duration.
struct Objective: Comparable {
    var unassignedHigh: Int
    var unassigned: Int
    var cost: Double
    var duration: Double

    static func < (lhs: Objective, rhs: Objective) -> Bool {
        (lhs.unassignedHigh, lhs.unassigned, lhs.cost, lhs.duration)
            < (rhs.unassignedHigh, rhs.unassigned, rhs.cost, rhs.duration)
    }

    /// One number for simulated annealing: left-out jobs weigh more than any route could cost.
    func scalar(penalty: Double, durationWeight: Double) -> Double {
        Double(unassignedHigh) * penalty * 100 + Double(unassigned) * penalty + cost + duration * durationWeight
    }
}
