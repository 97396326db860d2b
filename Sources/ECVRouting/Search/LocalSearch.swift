/// Polishes a solution with the classic moves: relocate, swap, 2-opt* and or-opt.
///
/// The first improving move is taken until none is left. Moves are tried only towards a job's nearest neighbours
/// (a granular neighbourhood), and each candidate route is evaluated by walking the pieces of the
/// existing routes it is made of, without building it.
struct LocalSearch {
    /// How many of a job's nearest neighbours moves are tried next to.
    var neighbourhood = 16
    /// Longest string that or-opt moves.
    var longestString = 3

    /// A run of consecutive jobs of one route, `jobs[start..<end]`.
    struct Piece {
        var route: Int
        var start: Int
        var end: Int
        static let empty = Piece(route: 0, start: 0, end: 0)
    }

    /// Up to four pieces, kept in a value so that evaluating a move allocates nothing.
    struct Sequence {
        var pieces: (Piece, Piece, Piece, Piece)
        var count: Int

        init(_ a: Piece, _ b: Piece = .empty, _ c: Piece = .empty, _ d: Piece = .empty, count: Int) {
            pieces = (a, b, c, d)
            self.count = count
        }

        func piece(_ index: Int) -> Piece {
            switch index {
            case 0: return pieces.0
            case 1: return pieces.1
            case 2: return pieces.2
            default: return pieces.3
            }
        }
    }

    /// Cost (distance, fixed cost and time cost up to the return, as `RouteState.cost`) of vehicle `v` driving
    /// `sequence`, or nil when it breaks a window, the capacity, the shift or a skill.
    func cost(_ v: Int, _ sequence: Sequence, _ state: SearchState, _ instance: Instance) -> Double? {
        var location = instance.startLocation[v]
        var time = instance.shiftStart[v]
        var driven = instance.travelBeforeShift[v]
        var load = 0
        var distance = 0.0
        var visited = 0
        let rule = instance.dailyTravel[v]
        for index in 0..<sequence.count {
            let piece = sequence.piece(index)
            let jobs = state.routes[piece.route].jobs
            var p = piece.start
            while p < piece.end {
                let job = jobs[p]
                guard instance.canServe(v, job) else { return nil }
                let next = instance.location[job]
                distance += instance.dist(v, location, next)
                let arrival = instance.travel(
                    v, from: time, drivenToday: driven, duration: instance.time(v, location, next))
                guard let start = instance.earliestStart(job, v, arrival: arrival.time) else { return nil }
                driven = rule.map { $0.day(of: start) == $0.day(of: arrival.time) } ?? true ? arrival.drivenToday : 0
                time = start + instance.service(job, v)
                if let rule, rule.day(of: time) != rule.day(of: start) { driven = 0 }
                load += instance.demand[job]
                location = next
                visited += 1
                p += 1
            }
        }
        guard load <= instance.capacity[v] else { return nil }
        let end = instance.endLocation[v]
        let back = instance.travel(v, from: time, drivenToday: driven, duration: instance.time(v, location, end))
        guard back.time <= instance.shiftEnd[v] else { return nil }
        guard visited > 0 else { return 0 }
        return distance + instance.dist(v, location, end) + instance.fixedCost[v]
            + instance.timeCost(v, returningAt: back.time)
    }

    /// Applies improving moves until none is left or `shouldStop` says so.
    ///
    /// `shouldStop` is asked every 32 jobs, not only between passes: one pass over a tour of thousands of
    /// vehicles takes seconds, and a time limit must hold on any size.
    func improve(_ state: inout SearchState, _ instance: Instance, shouldStop: () -> Bool) {
        var improved = true
        while improved && !shouldStop() {
            improved = false
            for job in 0..<instance.jobCount where state.routeOf[job] >= 0 {
                if job % 32 == 31, shouldStop() { return }
                if tryMoves(of: job, &state, instance) {
                    improved = true
                }
            }
        }
    }

    /// Tries to move `job` (and strings starting at it) next to its neighbours, to swap it with them, or
    /// to exchange route tails there; applies the first improving move.
    private func tryMoves(of job: Int, _ state: inout SearchState, _ instance: Instance) -> Bool {
        let r1 = state.routeOf[job]
        guard let i = state.routes[r1].jobs.firstIndex(of: job) else { return false }
        let oldR1 = state.routes[r1].cost(instance)
        let count1 = state.routes[r1].count
        for neighbour in instance.neighbours[job].prefix(neighbourhood) {
            let r2 = state.routeOf[neighbour]
            guard r2 >= 0, let j = state.routes[r2].jobs.firstIndex(of: neighbour) else { continue }
            let count2 = state.routes[r2].count
            if r1 != r2 {
                let oldCost = oldR1 + state.routes[r2].cost(instance)
                let v1 = state.routes[r1].vehicle
                let v2 = state.routes[r2].vehicle
                // Relocate and or-opt: the string i..<i+k goes in front of or behind the neighbour.
                for k in 1...longestString where i + k <= count1 {
                    let rest1 = Sequence(
                        Piece(route: r1, start: 0, end: i), Piece(route: r1, start: i + k, end: count1), count: 2)
                    guard let new1 = cost(v1, rest1, state, instance) else { continue }
                    for at in [j, j + 1] {
                        let new2 = cost(
                            v2,
                            Sequence(
                                Piece(route: r2, start: 0, end: at), Piece(route: r1, start: i, end: i + k),
                                Piece(route: r2, start: at, end: count2), count: 3), state, instance)
                        if let new2, new1 + new2 < oldCost - 1e-9 {
                            let moved = Array(state.routes[r1].jobs[i..<(i + k)])
                            var jobs2 = state.routes[r2].jobs
                            jobs2.insert(contentsOf: moved, at: at)
                            var jobs1 = state.routes[r1].jobs
                            jobs1.removeSubrange(i..<(i + k))
                            apply(&state, r1, jobs1, r2, jobs2, instance)
                            return true
                        }
                    }
                }
                // Swap the job with the neighbour.
                let swapped1 = cost(
                    v1,
                    Sequence(
                        Piece(route: r1, start: 0, end: i), Piece(route: r2, start: j, end: j + 1),
                        Piece(route: r1, start: i + 1, end: count1), count: 3), state, instance)
                let swapped2 = cost(
                    v2,
                    Sequence(
                        Piece(route: r2, start: 0, end: j), Piece(route: r1, start: i, end: i + 1),
                        Piece(route: r2, start: j + 1, end: count2), count: 3), state, instance)
                if let swapped1, let swapped2, swapped1 + swapped2 < oldCost - 1e-9 {
                    var jobs1 = state.routes[r1].jobs
                    var jobs2 = state.routes[r2].jobs
                    jobs1[i] = neighbour
                    jobs2[j] = job
                    apply(&state, r1, jobs1, r2, jobs2, instance)
                    return true
                }
                // 2-opt*: the job's route continues with the neighbour's tail, and the other way round.
                let crossed1 = cost(
                    v1,
                    Sequence(Piece(route: r1, start: 0, end: i + 1), Piece(route: r2, start: j, end: count2), count: 2),
                    state, instance)
                let crossed2 = cost(
                    v2,
                    Sequence(Piece(route: r2, start: 0, end: j), Piece(route: r1, start: i + 1, end: count1), count: 2),
                    state, instance)
                if let crossed1, let crossed2, crossed1 + crossed2 < oldCost - 1e-9 {
                    let jobs1 = Array(state.routes[r1].jobs[0...i]) + Array(state.routes[r2].jobs[j...])
                    let jobs2 = Array(state.routes[r2].jobs[0..<j]) + Array(state.routes[r1].jobs[(i + 1)...])
                    apply(&state, r1, jobs1, r2, jobs2, instance)
                    return true
                }
            } else {
                // Or-opt inside the route: the string i..<i+k moves to just before position `at`.
                let v = state.routes[r1].vehicle
                for k in 1...longestString where i + k <= count1 {
                    for at in [j, j + 1] where at < i || at > i + k {
                        let sequence =
                            at < i
                            ? Sequence(
                                Piece(route: r1, start: 0, end: at), Piece(route: r1, start: i, end: i + k),
                                Piece(route: r1, start: at, end: i), Piece(route: r1, start: i + k, end: count1),
                                count: 4)
                            : Sequence(
                                Piece(route: r1, start: 0, end: i), Piece(route: r1, start: i + k, end: at),
                                Piece(route: r1, start: i, end: i + k), Piece(route: r1, start: at, end: count1),
                                count: 4)
                        if let new = cost(v, sequence, state, instance), new < oldR1 - 1e-9 {
                            var jobs: [Int] = []
                            for index in 0..<sequence.count {
                                let piece = sequence.piece(index)
                                jobs += state.routes[r1].jobs[piece.start..<piece.end]
                            }
                            state.routes[r1].replaceJobs(jobs, instance)
                            return true
                        }
                    }
                }
            }
        }
        return false
    }

    private func apply(
        _ state: inout SearchState, _ r1: Int, _ jobs1: [Int], _ r2: Int, _ jobs2: [Int], _ instance: Instance
    ) {
        state.routes[r1].replaceJobs(jobs1, instance)
        state.routes[r2].replaceJobs(jobs2, instance)
        for job in jobs1 { state.routeOf[job] = r1 }
        for job in jobs2 { state.routeOf[job] = r2 }
    }
}
