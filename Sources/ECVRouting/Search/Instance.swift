/// The problem flattened into arrays indexed by job and vehicle, for the search's hot loops.
struct Instance {
    let jobCount: Int
    let vehicleCount: Int
    let locationCount: Int
    let distance: [Double]
    let duration: [Double]

    let location: [Int]
    let service: [Double]
    let demand: [Int]
    let jobSkills: [UInt64]
    let isHighPriority: [Bool]
    /// Windows of job `j` are `windowStart[windowOffset[j]..<windowOffset[j + 1]]` (and `windowEnd`).
    let windowOffset: [Int]
    let windowStart: [Double]
    let windowEnd: [Double]

    let startLocation: [Int]
    let endLocation: [Int]
    let shiftStart: [Double]
    let shiftEnd: [Double]
    let capacity: [Int]
    let vehicleSkills: [UInt64]
    let fixedCost: [Double]
    let dailyTravel: [DailyTravel?]
    /// `allowed[j * vehicleCount + v]`: whether job `j` may go on vehicle `v`; empty when all may.
    let allowed: [Bool]
    /// Vehicles with equal attributes share a type; an empty route of each type is enough to try.
    let vehicleType: [Int]

    /// For each job, the other jobs by increasing distance (at most `neighbourCount`).
    let neighbours: [[Int]]

    init(_ problem: RoutingProblem, neighbourCount: Int = 64) {
        jobCount = problem.jobs.count
        vehicleCount = problem.vehicles.count
        locationCount = problem.matrix.size
        distance = problem.matrix.distances
        duration = problem.matrix.durations
        location = problem.jobs.map(\.location)
        service = problem.jobs.map(\.serviceDuration)
        demand = problem.jobs.map(\.demand)
        jobSkills = problem.jobs.map(\.skills.rawValue)
        isHighPriority = problem.jobs.map { $0.priority == .high }
        var offsets = [0]
        var starts: [Double] = []
        var ends: [Double] = []
        for job in problem.jobs {
            for window in job.windows.sorted(by: { $0.start < $1.start }) {
                starts.append(window.start)
                ends.append(window.end)
            }
            offsets.append(starts.count)
        }
        windowOffset = offsets
        windowStart = starts
        windowEnd = ends
        startLocation = problem.vehicles.map(\.startLocation)
        endLocation = problem.vehicles.map(\.endLocation)
        shiftStart = problem.vehicles.map(\.shift.start)
        shiftEnd = problem.vehicles.map(\.shift.end)
        capacity = problem.vehicles.map(\.capacity)
        vehicleSkills = problem.vehicles.map(\.skills.rawValue)
        fixedCost = problem.vehicles.map(\.fixedCost)
        dailyTravel = problem.vehicles.map(\.dailyTravel)
        if problem.jobs.contains(where: { $0.allowedVehicles != nil }) {
            var allowed = [Bool](repeating: false, count: jobCount * vehicleCount)
            for (job, spec) in problem.jobs.enumerated() {
                for vehicle in spec.allowedVehicles ?? Array(0..<vehicleCount) where vehicle < vehicleCount {
                    allowed[job * vehicleCount + vehicle] = true
                }
            }
            self.allowed = allowed
        } else {
            allowed = []
        }
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
            locations: location, matrix: distance, size: locationCount, count: neighbourCount)
    }

    /// For each job the nearest other jobs; sorted once per location, since many jobs share one.
    private static func nearestJobs(locations: [Int], matrix: [Double], size: Int, count: Int) -> [[Int]] {
        var jobsAt = [[Int]](repeating: [], count: size)
        for (job, location) in locations.enumerated() { jobsAt[location].append(job) }
        let used = (0..<size).filter { !jobsAt[$0].isEmpty }
        var nearestByLocation: [Int: [Int]] = [:]
        for from in used {
            let row = from * size
            let ordered = used.sorted { (matrix[row + $0], $0) < (matrix[row + $1], $1) }
            var jobs: [Int] = []
            for location in ordered {
                jobs += jobsAt[location]
                if jobs.count > count { break }
            }
            nearestByLocation[from] = jobs
        }
        return locations.enumerated().map { job, location in
            Array((nearestByLocation[location] ?? []).lazy.filter { $0 != job }.prefix(count))
        }
    }

    @inline(__always) func dist(_ from: Int, _ to: Int) -> Double { distance[from * locationCount + to] }
    @inline(__always) func time(_ from: Int, _ to: Int) -> Double { duration[from * locationCount + to] }

    /// Whether vehicle `v` has every skill job `j` needs.
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

    /// The earliest start of job `j` at or after `arrival`, or `nil` when every window has closed.
    @inline(__always) func earliestStart(_ j: Int, arrival: Double) -> Double? {
        var w = windowOffset[j]
        let end = windowOffset[j + 1]
        while w < end {
            if arrival <= windowEnd[w] { return max(arrival, windowStart[w]) }
            w += 1
        }
        return nil
    }

    /// The latest start of job `j` at or before `deadline`, or `nil` when no window opens by then.
    @inline(__always) func latestStart(_ j: Int, deadline: Double) -> Double? {
        var w = windowOffset[j + 1] - 1
        let first = windowOffset[j]
        while w >= first {
            if windowStart[w] <= deadline { return min(deadline, windowEnd[w]) }
            w -= 1
        }
        return nil
    }
}
