/// One vehicle's route during the search, with the schedule data that makes an insertion check O(1).
///
/// `earliest[p]` is the earliest start of `jobs[p]` given the jobs before it; `latest[p]` the latest start
/// that still lets every later job and the return fit. Both assume waiting is allowed, which makes the
/// earliest-start schedule optimal for feasibility.
struct RouteState {
    let vehicle: Int
    private(set) var jobs: [Int] = []
    private(set) var earliest: [Double] = []
    private(set) var latest: [Double] = []
    private(set) var load = 0
    private(set) var distance = 0.0
    /// Earliest arrival at the end location.
    private(set) var endArrival = 0.0
    /// Latest departure from the start that keeps the earliest schedule's job starts.
    private(set) var latestDeparture = 0.0

    init(vehicle: Int, instance: Instance) {
        self.vehicle = vehicle
        update(instance)
    }

    var isEmpty: Bool { jobs.isEmpty }
    var count: Int { jobs.count }

    /// Distance plus the vehicle's fixed cost when used.
    func cost(_ instance: Instance) -> Double {
        jobs.isEmpty ? 0 : distance + instance.fixedCost[vehicle]
    }

    /// Time from departure to return, 0 when unused.
    func duration(_ instance: Instance) -> Double {
        jobs.isEmpty ? 0 : endArrival - latestDeparture
    }

    mutating func insert(_ job: Int, at position: Int, _ instance: Instance) {
        jobs.insert(job, at: position)
        update(instance)
    }

    mutating func remove(at positions: [Int], _ instance: Instance) {
        for position in positions.sorted(by: >) { jobs.remove(at: position) }
        update(instance)
    }

    mutating func replaceJobs(_ newJobs: [Int], _ instance: Instance) {
        jobs = newJobs
        update(instance)
    }

    /// Recomputes the schedule data; O(route length).
    mutating func update(_ instance: Instance) {
        let v = vehicle
        let count = jobs.count
        // Resize in place: no allocation when the arrays are this route's own.
        while earliest.count < count {
            earliest.append(0)
            latest.append(0)
        }
        if earliest.count > count {
            earliest.removeLast(earliest.count - count)
            latest.removeLast(latest.count - count)
        }
        load = 0
        distance = 0
        var location = instance.startLocation[v]
        var time = instance.shiftStart[v]
        for p in 0..<count {
            let job = jobs[p]
            let next = instance.location[job]
            distance += instance.dist(location, next)
            let arrival = time + instance.time(location, next)
            // An infeasible route (never produced by the search) keeps its arrival as start.
            let start = instance.earliestStart(job, arrival: arrival) ?? arrival
            earliest[p] = start
            time = start + instance.service[job]
            load += instance.demand[job]
            location = next
        }
        let end = instance.endLocation[v]
        distance += instance.dist(location, end)
        endArrival = time + instance.time(location, end)

        var deadline = instance.shiftEnd[v]
        var after = end
        for p in stride(from: count - 1, through: 0, by: -1) {
            let job = jobs[p]
            let here = instance.location[job]
            let limit = deadline - instance.time(here, after) - instance.service[job]
            let start = instance.latestStart(job, deadline: limit) ?? -Double.infinity
            latest[p] = start
            deadline = start
            after = here
        }
        // Leave as late as possible without delaying the first job's earliest start.
        if let first = jobs.first {
            let travel = instance.time(instance.startLocation[v], instance.location[first])
            latestDeparture = max(instance.shiftStart[v], earliest[0] - travel)
        } else {
            latestDeparture = instance.shiftStart[v]
        }
    }

    /// The extra cost of inserting `job` before position `p` (0…count), or `nil` when the schedule breaks.
    @inline(__always)
    func insertionDelta(of job: Int, at p: Int, _ instance: Instance) -> Double? {
        let v = vehicle
        let jobLocation = instance.location[job]
        let previousLocation: Int
        let departure: Double
        if p == 0 {
            previousLocation = instance.startLocation[v]
            departure = instance.shiftStart[v]
        } else {
            let previous = jobs[p - 1]
            previousLocation = instance.location[previous]
            departure = earliest[p - 1] + instance.service[previous]
        }
        guard let start = instance.earliestStart(job, arrival: departure + instance.time(previousLocation, jobLocation))
        else { return nil }
        let leave = start + instance.service[job]
        let nextLocation: Int
        if p == jobs.count {
            nextLocation = instance.endLocation[v]
            guard leave + instance.time(jobLocation, nextLocation) <= instance.shiftEnd[v] else { return nil }
        } else {
            let next = jobs[p]
            nextLocation = instance.location[next]
            guard
                let nextStart = instance.earliestStart(next, arrival: leave + instance.time(jobLocation, nextLocation)),
                nextStart <= latest[p]
            else { return nil }
        }
        let delta =
            instance.dist(previousLocation, jobLocation) + instance.dist(jobLocation, nextLocation)
            - instance.dist(previousLocation, nextLocation)
        return jobs.isEmpty ? delta + instance.fixedCost[v] : delta
    }
}
