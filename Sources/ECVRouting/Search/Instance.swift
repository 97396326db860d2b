/// The problem flattened into arrays indexed by job and vehicle, for the search's hot loops.
///
/// A job's duration and windows depend on the serving vehicle's clock: they live at index
/// `job * clockCount + clock`. Distances and durations depend on the vehicle's travel profile.
struct Instance {
    let jobCount: Int
    let vehicleCount: Int
    let locationCount: Int
    let clockCount: Int
    /// Every profile's matrix, one after the other.
    let distance: [Double]
    let duration: [Double]

    let location: [Int]
    let demand: [Int]
    let jobSkills: [UInt64]
    let isHighPriority: [Bool]
    /// By `job * clockCount + clock`.
    let service: [Double]
    /// Windows of terms `t` are `windowStart[windowOffset[t]..<windowOffset[t + 1]]` (and `windowEnd`).
    let windowOffset: [Int]
    let windowStart: [Double]
    let windowEnd: [Double]

    let startLocation: [Int]
    let endLocation: [Int]
    let shiftStart: [Double]
    /// Travel done on the shift start's day before the shift starts (`Vehicle.travelBeforeShift`).
    let travelBeforeShift: [Double]
    let shiftEnd: [Double]
    let capacity: [Int]
    let vehicleSkills: [UInt64]
    let fixedCost: [Double]
    let timeCost: [Double]
    let timeCostPeriod: [Double?]
    let dailyTravel: [DailyTravel?]
    /// Offset of each vehicle's matrix in `distance` and `duration`.
    let matrixOffset: [Int]
    let clock: [Int]
    /// `allowed[j * vehicleCount + v]`: whether job `j` may go on vehicle `v`; empty when all may.
    let allowed: [Bool]
    /// Vehicles with equal attributes share a type; an empty route of each type is enough to try.
    let vehicleType: [Int]

    /// For each job, the other jobs by increasing distance (at most `neighbourCount`), on profile 0.
    let neighbours: [[Int]]

    init(_ problem: RoutingProblem, neighbourCount: Int = 64) {
        jobCount = problem.jobs.count
        vehicleCount = problem.vehicles.count
        locationCount = problem.matrices[0].size
        clockCount = max(1, (problem.vehicles.map(\.clock).max() ?? 0) + 1)
        distance = problem.matrices.flatMap(\.distances)
        duration = problem.matrices.flatMap(\.durations)
        location = problem.jobs.map(\.location)
        demand = problem.jobs.map(\.demand)
        jobSkills = problem.jobs.map(\.skills.rawValue)
        isHighPriority = problem.jobs.map { $0.priority == .high }
        var service: [Double] = []
        var offsets = [0]
        var starts: [Double] = []
        var ends: [Double] = []
        for job in problem.jobs {
            for clock in 0..<clockCount {
                let terms = job.terms(onClock: clock)
                service.append(terms.serviceDuration)
                for window in terms.windows.sorted(by: { $0.start < $1.start }) {
                    starts.append(window.start)
                    ends.append(window.end)
                }
                offsets.append(starts.count)
            }
        }
        self.service = service
        windowOffset = offsets
        windowStart = starts
        windowEnd = ends
        startLocation = problem.vehicles.map(\.startLocation)
        endLocation = problem.vehicles.map(\.endLocation)
        shiftStart = problem.vehicles.map(\.shift.start)
        travelBeforeShift = problem.vehicles.map(\.travelBeforeShift)
        shiftEnd = problem.vehicles.map(\.shift.end)
        capacity = problem.vehicles.map(\.capacity)
        vehicleSkills = problem.vehicles.map(\.skills.rawValue)
        fixedCost = problem.vehicles.map(\.fixedCost)
        timeCost = problem.vehicles.map(\.timeCost)
        timeCostPeriod = problem.vehicles.map(\.timeCostPeriod)
        dailyTravel = problem.vehicles.map(\.dailyTravel)
        let size = locationCount
        matrixOffset = problem.vehicles.map { $0.travelProfile * size * size }
        clock = problem.vehicles.map(\.clock)
        var allowed: [Bool] = []
        if problem.jobs.contains(where: { $0.allowedVehicles != nil }) {
            allowed = [Bool](repeating: false, count: jobCount * vehicleCount)
            for (job, spec) in problem.jobs.enumerated() {
                for vehicle in spec.allowedVehicles ?? Array(0..<vehicleCount) where vehicle < vehicleCount {
                    allowed[job * vehicleCount + vehicle] = true
                }
            }
        }
        self.allowed = allowed
        var types: [RoutingProblem.Vehicle: Int] = [:]
        // Vehicles with their own job lists never stand in for each other.
        vehicleType =
            allowed.isEmpty
            ? problem.vehicles.map { vehicle in
                if let type = types[vehicle] { return type }
                types[vehicle] = types.count
                return types.count - 1
            } : Array(0..<vehicleCount)
        neighbours = Instance.nearestJobs(
            locations: location, matrix: problem.matrices[0].distances, size: size, count: neighbourCount)
    }

    /// For each job the nearest other jobs; sorted once per location, since many jobs share one.
    private static func nearestJobs(locations: [Int], matrix: [Double], size: Int, count: Int) -> [[Int]] {
        var jobsAt = [[Int]](repeating: [], count: size)
        for (job, location) in locations.enumerated() { jobsAt[location].append(job) }
        let used = (0..<size).filter { !jobsAt[$0].isEmpty }
        var nearestByLocation: [Int: [Int]] = [:]
        // Each location holds a job at least: the `count + 1` nearest locations are all a job's list can reach,
        // so they are kept in order as the row is read, not the whole row sorted (that grew as n² log n).
        let kept = count + 1
        var ordered: [(distance: Double, location: Int)] = []
        ordered.reserveCapacity(kept + 1)
        for from in used {
            let row = from * size
            ordered.removeAll(keepingCapacity: true)
            for location in used {
                let entry = (distance: matrix[row + location], location: location)
                if ordered.count == kept {
                    guard let last = ordered.last, entry < last else { continue }
                    ordered.removeLast()
                }
                var at = ordered.count
                while at > 0, entry < ordered[at - 1] { at -= 1 }
                ordered.insert(entry, at: at)
            }
            var jobs: [Int] = []
            for (_, location) in ordered {
                jobs += jobsAt[location]
                if jobs.count > count { break }
            }
            nearestByLocation[from] = jobs
        }
        return locations.enumerated().map { job, location in
            Array((nearestByLocation[location] ?? []).lazy.filter { $0 != job }.prefix(count))
        }
    }

    /// Distance between two locations by vehicle `v`'s profile.
    @inline(__always) func dist(_ v: Int, _ from: Int, _ to: Int) -> Double {
        distance[matrixOffset[v] + from * locationCount + to]
    }

    /// Travel duration between two locations by vehicle `v`'s profile.
    @inline(__always) func time(_ v: Int, _ from: Int, _ to: Int) -> Double {
        duration[matrixOffset[v] + from * locationCount + to]
    }

    /// Distance on profile 0, for the search's notions of nearness.
    @inline(__always) func nearness(_ from: Int, _ to: Int) -> Double {
        distance[from * locationCount + to]
    }

    /// Service duration of job `j` on vehicle `v`.
    @inline(__always) func service(_ j: Int, _ v: Int) -> Double {
        service[j * clockCount + clock[v]]
    }

    /// Whether vehicle `v` has every skill job `j` needs and may serve it.
    @inline(__always) func canServe(_ v: Int, _ j: Int) -> Bool {
        jobSkills[j] & ~vehicleSkills[v] == 0 && (allowed.isEmpty || allowed[j * vehicleCount + v])
    }

    /// When travel from `departure` (after `drivenToday` of travel that day) over `duration` ends on
    /// vehicle `v`, with the day's travel then.
    @inline(__always) func travel(_ v: Int, from departure: Double, drivenToday: Double, duration: Double)
        -> (time: Double, drivenToday: Double)
    {
        guard let rule = dailyTravel[v] else { return (departure + duration, 0) }
        return rule.arrival(departure: departure, drivenToday: drivenToday, duration: duration)
    }

    /// The earliest start of job `j` on vehicle `v` at or after `arrival`, or `nil` when every window has
    /// closed.
    @inline(__always) func earliestStart(_ j: Int, _ v: Int, arrival: Double) -> Double? {
        let terms = j * clockCount + clock[v]
        var w = windowOffset[terms]
        let end = windowOffset[terms + 1]
        while w < end {
            if arrival <= windowEnd[w] { return max(arrival, windowStart[w]) }
            w += 1
        }
        return nil
    }

    /// The latest start of job `j` on vehicle `v` at or before `deadline`, or `nil` when no window opens
    /// by then.
    @inline(__always) func latestStart(_ j: Int, _ v: Int, deadline: Double) -> Double? {
        let terms = j * clockCount + clock[v]
        var w = windowOffset[terms + 1] - 1
        let first = windowOffset[terms]
        while w >= first {
            if windowStart[w] <= deadline { return min(deadline, windowEnd[w]) }
            w -= 1
        }
        return nil
    }
}

extension Instance {
    /// Vehicle `v`'s time cost when it returns at `end`: per unit of time since its shift start, or per
    /// period begun when it pays by the period.
    @inline(__always)
    func timeCost(_ v: Int, returningAt end: Double) -> Double {
        let rate = timeCost[v]
        guard rate > 0 else { return 0 }
        let elapsed = max(0, end - shiftStart[v])
        guard let period = timeCostPeriod[v], period > 0 else { return rate * elapsed }
        return rate * period * (elapsed / period).rounded(.up)
    }
}
