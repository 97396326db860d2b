import ECVRouting

/// An independent check of any engine solution against its problem, sharing no code with the engine:
/// each job at most once and either routed or listed unassigned, skills, capacity, each start inside a
/// window and after the travel from the previous stop, the return inside the shift, distances as
/// reported.
public enum RoutingCheck {
    /// The first violated rule, or `nil`.
    public static func violation(_ solution: RoutingSolution, _ problem: RoutingProblem) -> String? {
        var seen = [Int](repeating: 0, count: problem.jobs.count)
        var vehiclesUsed = Set<Int>()
        var total = 0.0
        let tolerance = 1e-6
        for route in solution.routes {
            guard problem.vehicles.indices.contains(route.vehicle) else { return "unknown vehicle \(route.vehicle)" }
            guard vehiclesUsed.insert(route.vehicle).inserted else { return "vehicle \(route.vehicle) used twice" }
            guard route.starts.count == route.jobs.count else { return "route of \(route.vehicle): starts ≠ jobs" }
            let vehicle = problem.vehicles[route.vehicle]
            let matrix = problem.matrices[vehicle.travelProfile]
            var at = vehicle.startLocation
            var free = max(vehicle.shift.start, route.departure)
            if route.departure < vehicle.shift.start - tolerance { return "vehicle \(route.vehicle) leaves too early" }
            var load = 0
            var distance = 0.0
            var driven = (day: -1.0, minutes: 0.0)
            for (job, start) in zip(route.jobs, route.starts) {
                guard problem.jobs.indices.contains(job) else { return "unknown job \(job)" }
                seen[job] += 1
                let spec = problem.jobs[job]
                let terms =
                    spec.termsByClock?[vehicle.clock]
                    ?? .init(serviceDuration: spec.serviceDuration, windows: spec.windows)
                if !vehicle.skills.isSuperset(of: spec.skills) {
                    return "vehicle \(route.vehicle) lacks skills of job \(job)"
                }
                load += spec.demand
                let arrival = travelEnd(vehicle, from: free, at: at, to: spec.location, matrix, &driven)
                if start < arrival - tolerance { return "job \(job) starts at \(start) before arrival \(arrival)" }
                if !terms.windows.contains(where: { $0.start - tolerance <= start && start <= $0.end + tolerance }) {
                    return "job \(job) starts at \(start) outside its windows"
                }
                distance += matrix.distance(at, spec.location)
                free = start + terms.serviceDuration
                at = spec.location
            }
            distance += matrix.distance(at, vehicle.endLocation)
            let back = travelEnd(vehicle, from: free, at: at, to: vehicle.endLocation, matrix, &driven)
            if back > vehicle.shift.end + tolerance {
                return "vehicle \(route.vehicle) returns at \(back) after its shift"
            }
            if abs(back - route.arrival) > tolerance {
                return "vehicle \(route.vehicle) arrival \(route.arrival) ≠ \(back)"
            }
            if load > vehicle.capacity { return "vehicle \(route.vehicle) carries \(load) > \(vehicle.capacity)" }
            if abs(distance - route.distance) > tolerance * max(1, distance) {
                return "vehicle \(route.vehicle) distance \(route.distance) ≠ \(distance)"
            }
            total += distance
        }
        for unassigned in solution.unassigned {
            guard problem.jobs.indices.contains(unassigned.job) else { return "unknown unassigned job" }
            seen[unassigned.job] += 1
        }
        if let job = seen.indices.first(where: { seen[$0] != 1 }) {
            return "job \(job) appears \(seen[job]) times among routes and unassigned"
        }
        if abs(total - solution.distance) > tolerance * max(1, total) {
            return "total distance \(solution.distance) ≠ \(total)"
        }
        return nil
    }

    /// Travel from `start` over the leg, day by day under the vehicle's daily limit; `driven` carries the
    /// travel done on the current day between legs.
    private static func travelEnd(
        _ vehicle: RoutingProblem.Vehicle, from start: Double, at from: Int, to: Int, _ matrix: TravelMatrix,
        _ driven: inout (day: Double, minutes: Double)
    ) -> Double {
        let duration = matrix.duration(from, to)
        guard let rule = vehicle.dailyTravel else { return start + duration }
        var clock = start
        var remaining = duration
        while remaining > 0 {
            let today = (clock / rule.dayLength).rounded(.down)
            if driven.day != today { driven = (today, 0) }
            let closing = (today + 1) * rule.dayLength
            let usable = min(rule.limit - driven.minutes, closing - clock, remaining)
            if usable > 0 {
                clock += usable
                remaining -= usable
                driven.minutes += usable
            }
            if remaining > 0 { clock = closing }
        }
        return clock
    }
}
