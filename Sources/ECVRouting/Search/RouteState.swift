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
    /// Travel done on the day of `earliest[p]` before job `p` starts (only with a daily travel limit).
    private(set) var drivenBefore: [Double] = []
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

    /// Distance plus the vehicle's fixed cost when used, plus its time cost up to the earliest return.
    func cost(_ instance: Instance) -> Double {
        jobs.isEmpty
            ? 0
            : distance + instance.fixedCost[vehicle] + instance.timeCost(vehicle, returningAt: endArrival)
    }

    /// Time from departure to return, 0 when unused.
    func duration(_ instance: Instance) -> Double {
        jobs.isEmpty ? 0 : endArrival - latestDeparture
    }

    /// Inserts `job` before `position` and brings the schedule up to date from there.
    ///
    /// The earliest starts after it are recomputed until one is as before, the latest starts before it likewise: a
    /// route of hundreds of visits mostly changes near the insertion, and walking all of it on every insertion
    /// made building a large tour's first plan quadratic.
    mutating func insert(_ job: Int, at position: Int, _ instance: Instance) {
        jobs.insert(job, at: position)
        earliest.insert(0, at: position)
        latest.insert(0, at: position)
        drivenBefore.insert(0, at: position)
        load += instance.demand[job]
        updateDistance(instance)
        updateEarliest(from: position, untilUnchanged: true, instance)
        updateLatest(from: position, untilUnchanged: true, instance)
        updateDeparture(instance)
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
        let count = jobs.count
        // Resize in place: no allocation when the arrays are this route's own.
        while earliest.count < count {
            earliest.append(0)
            latest.append(0)
            drivenBefore.append(0)
        }
        if earliest.count > count {
            earliest.removeLast(earliest.count - count)
            latest.removeLast(latest.count - count)
            drivenBefore.removeLast(drivenBefore.count - count)
        }
        load = jobs.reduce(0) { $0 + instance.demand[$1] }
        updateDistance(instance)
        updateEarliest(from: 0, untilUnchanged: false, instance)
        updateLatest(from: count - 1, untilUnchanged: false, instance)
        updateDeparture(instance)
    }

    /// The distance driven, summed in route order.
    private mutating func updateDistance(_ instance: Instance) {
        let v = vehicle
        var location = instance.startLocation[v]
        var total = 0.0
        for job in jobs {
            let next = instance.location[job]
            total += instance.dist(v, location, next)
            location = next
        }
        distance = total + instance.dist(v, location, instance.endLocation[v])
    }

    /// The earliest starts from `first` on, which must be recomputed; with `untilUnchanged`, only until a later one
    /// comes out as it was (then so do all after it and the return).
    private mutating func updateEarliest(from first: Int, untilUnchanged: Bool, _ instance: Instance) {
        let v = vehicle
        var location = first == 0 ? instance.startLocation[v] : instance.location[jobs[first - 1]]
        var (time, driven) =
            first == 0 ? (instance.shiftStart[v], instance.travelBeforeShift[v]) : leaving(first - 1, instance)
        for p in first..<jobs.count {
            let next = instance.location[jobs[p]]
            let arrival = instance.travel(
                v, from: time, drivenToday: driven, duration: instance.time(v, location, next))
            // An infeasible route (never produced by the search) keeps its arrival as start.
            let start = instance.earliestStart(jobs[p], v, arrival: arrival.time) ?? arrival.time
            let drivenAtStart = sameDay(start, arrival.time, v, instance) ? arrival.drivenToday : 0
            if untilUnchanged, p > first, start == earliest[p], drivenAtStart == drivenBefore[p] { return }
            earliest[p] = start
            drivenBefore[p] = drivenAtStart
            (time, driven) = leaving(p, instance)
            location = next
        }
        let end = instance.endLocation[v]
        endArrival = instance.travel(v, from: time, drivenToday: driven, duration: instance.time(v, location, end)).time
    }

    /// The latest starts from `last` back, which must be recomputed; with `untilUnchanged`, only until an earlier one
    /// comes out as it was.
    private mutating func updateLatest(from last: Int, untilUnchanged: Bool, _ instance: Instance) {
        let v = vehicle
        var deadline = last + 1 < jobs.count ? latest[last + 1] : instance.shiftEnd[v]
        var after = last + 1 < jobs.count ? instance.location[jobs[last + 1]] : instance.endLocation[v]
        for p in stride(from: last, through: 0, by: -1) {
            let job = jobs[p]
            let here = instance.location[job]
            let limit = deadline - instance.time(v, here, after) - instance.service(job, v)
            let start = instance.latestStart(job, v, deadline: limit) ?? -Double.infinity
            if untilUnchanged, p < last, start == latest[p] { return }
            latest[p] = start
            deadline = start
            after = here
        }
    }

    /// Leave as late as possible without delaying the first job's earliest start; under a daily travel limit a later
    /// start could shift travel into fuller days, so the vehicle leaves at once.
    private mutating func updateDeparture(_ instance: Instance) {
        if let first = jobs.first, instance.dailyTravel[vehicle] == nil {
            let travel = instance.time(vehicle, instance.startLocation[vehicle], instance.location[first])
            latestDeparture = max(instance.shiftStart[vehicle], earliest[0] - travel)
        } else {
            latestDeparture = instance.shiftStart[vehicle]
        }
    }

    /// When the vehicle leaves `jobs[p]` in the earliest schedule, and the day's travel by then.
    @inline(__always)
    private func leaving(_ p: Int, _ instance: Instance) -> (time: Double, drivenToday: Double) {
        let start = earliest[p]
        let leave = start + instance.service(jobs[p], vehicle)
        return (leave, sameDay(leave, start, vehicle, instance) ? drivenBefore[p] : 0)
    }

    @inline(__always)
    private func sameDay(_ a: Double, _ b: Double, _ v: Int, _ instance: Instance) -> Bool {
        guard let rule = instance.dailyTravel[v] else { return true }
        return rule.day(of: a) == rule.day(of: b)
    }

    /// Whether the jobs from `p` on still fit after the vehicle arrives at `jobs[p]`'s location at
    /// `arrival` having travelled `driven` that day; walks forward until the schedule is unchanged.
    private func restFits(from p: Int, departure: Double, driven: Double, at location: Int, _ instance: Instance)
        -> Bool
    {
        let v = vehicle
        var time = departure
        var drivenToday = driven
        var here = location
        for q in p..<jobs.count {
            let job = jobs[q]
            let next = instance.location[job]
            let arrival = instance.travel(
                v, from: time, drivenToday: drivenToday, duration: instance.time(v, here, next))
            guard let start = instance.earliestStart(job, v, arrival: arrival.time), start <= latest[q] else {
                return false
            }
            let drivenAtStart = sameDay(start, arrival.time, v, instance) ? arrival.drivenToday : 0
            if start == earliest[q] && drivenAtStart == drivenBefore[q] { return true }
            let leave = start + instance.service(job, v)
            time = leave
            drivenToday = sameDay(leave, start, v, instance) ? drivenAtStart : 0
            here = next
        }
        let end = instance.endLocation[v]
        let back = instance.travel(v, from: time, drivenToday: drivenToday, duration: instance.time(v, here, end))
        return back.time <= instance.shiftEnd[v]
    }

    /// The feasible position where inserting `job` costs least, if that is less than `bound`.
    ///
    /// `bound` is lowered to the cost found; `nil` when no feasible position beats it. Each position is skipped
    /// with chance `blinkRate`.
    ///
    /// The distance a place adds is three lookups and the schedule check is not much cheaper than a walk, so the
    /// schedule is checked only where the distance would win.
    func cheapestInsertion(
        of job: Int, below bound: inout Double, blinkRate: Double, _ instance: Instance,
        _ random: inout SearchRandom
    ) -> Int? {
        let v = vehicle
        let jobLocation = instance.location[job]
        let fixed = jobs.isEmpty ? instance.fixedCost[v] : 0
        var best: Int?
        var previous = instance.startLocation[v]
        for p in 0...jobs.count {
            let next = p == jobs.count ? instance.endLocation[v] : instance.location[jobs[p]]
            defer { previous = next }
            if blinkRate > 0, random.unit() < blinkRate { continue }
            let delta =
                instance.dist(v, previous, jobLocation) + instance.dist(v, jobLocation, next)
                - instance.dist(v, previous, next) + fixed
            guard delta < bound, insertionDelta(of: job, at: p, instance) != nil else { continue }
            bound = delta
            best = p
        }
        return best
    }

    /// The extra cost of inserting `job` before position `p` (0…count), or `nil` when the schedule breaks.
    @inline(__always)
    func insertionDelta(of job: Int, at p: Int, _ instance: Instance) -> Double? {
        let v = vehicle
        let jobLocation = instance.location[job]
        let previousLocation: Int
        let departure: (time: Double, drivenToday: Double)
        if p == 0 {
            previousLocation = instance.startLocation[v]
            departure = (instance.shiftStart[v], instance.travelBeforeShift[v])
        } else {
            previousLocation = instance.location[jobs[p - 1]]
            departure = leaving(p - 1, instance)
        }
        let arrival = instance.travel(
            v, from: departure.time, drivenToday: departure.drivenToday,
            duration: instance.time(v, previousLocation, jobLocation))
        guard let start = instance.earliestStart(job, v, arrival: arrival.time) else { return nil }
        let leave = start + instance.service(job, v)
        let nextLocation = p == jobs.count ? instance.endLocation[v] : instance.location[jobs[p]]
        // The latest starts make the check O(1) without a travel limit. They leave the limit out, and a limit only
        // delays, so with one the same check is a necessary condition: most places that break the schedule are
        // refused here, before the walk along the rest of the route.
        if p == jobs.count {
            guard leave + instance.time(v, jobLocation, nextLocation) <= instance.shiftEnd[v] else { return nil }
        } else {
            let next = jobs[p]
            guard
                let nextStart = instance.earliestStart(
                    next, v, arrival: leave + instance.time(v, jobLocation, nextLocation)),
                nextStart <= latest[p]
            else { return nil }
        }
        if instance.dailyTravel[v] != nil {
            let drivenAtStart = sameDay(start, arrival.time, v, instance) ? arrival.drivenToday : 0
            let drivenAtLeave = sameDay(leave, start, v, instance) ? drivenAtStart : 0
            guard restFits(from: p, departure: leave, driven: drivenAtLeave, at: jobLocation, instance) else {
                return nil
            }
        }
        let delta =
            instance.dist(v, previousLocation, jobLocation) + instance.dist(v, jobLocation, nextLocation)
            - instance.dist(v, previousLocation, nextLocation)
        return jobs.isEmpty ? delta + instance.fixedCost[v] : delta
    }
}
