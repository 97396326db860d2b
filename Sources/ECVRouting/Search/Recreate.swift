/// Puts unassigned jobs back, each at its cheapest feasible place, skipping places at random ("blinks")
/// so that repeated recreations explore different solutions.
struct Recreate {
    var blinkRate = 0.01
    /// Stamp per vehicle type, so that only one empty route of each type is tried per job.
    private var triedEmptyType: [Int]
    private var stamp = 0

    init(_ instance: Instance) {
        triedEmptyType = [Int](repeating: 0, count: (instance.vehicleType.max() ?? 0) + 1)
    }

    /// Inserts the unassigned jobs of `state` in an order drawn from SISR's: random, by demand, far first,
    /// close first.
    mutating func run(_ state: inout SearchState, _ instance: Instance, _ random: inout SearchRandom) {
        var jobs = state.unassigned
        state.unassigned.removeAll(keepingCapacity: true)
        random.shuffle(&jobs)
        let draw = random.below(11)
        let depot = instance.startLocation.first ?? 0
        if draw < 4 {
            // random order, already shuffled
        } else if draw < 8 {
            jobs.sort { instance.demand[$0] > instance.demand[$1] }
        } else if draw < 10 {
            jobs.sort {
                instance.nearness(depot, instance.location[$0]) > instance.nearness(depot, instance.location[$1])
            }
        } else {
            jobs.sort {
                instance.nearness(depot, instance.location[$0]) < instance.nearness(depot, instance.location[$1])
            }
        }
        // High-priority jobs choose their places first.
        if jobs.contains(where: { instance.isHighPriority[$0] }) {
            jobs = jobs.filter { instance.isHighPriority[$0] } + jobs.filter { !instance.isHighPriority[$0] }
        }
        for job in jobs {
            if let (route, position) = bestInsertion(of: job, in: state, instance, &random) {
                state.insert(job, route: route, at: position, instance)
            } else {
                state.unassigned.append(job)
            }
        }
    }

    /// The cheapest feasible (route, position) for `job`, blinking past some positions.
    mutating func bestInsertion(
        of job: Int, in state: SearchState, _ instance: Instance, _ random: inout SearchRandom
    ) -> (Int, Int)? {
        stamp += 1
        var best: (Int, Int)?
        var bestDelta = Double.infinity
        let demand = instance.demand[job]
        for r in state.routes.indices {
            let v = state.routes[r].vehicle
            guard instance.canServe(v, job), state.routes[r].load + demand <= instance.capacity[v] else { continue }
            if state.routes[r].isEmpty {
                let type = instance.vehicleType[v]
                if triedEmptyType[type] == stamp { continue }
                triedEmptyType[type] = stamp
            }
            if let position = state.routes[r].cheapestInsertion(
                of: job, below: &bestDelta, blinkRate: blinkRate, instance, &random)
            {
                best = (r, position)
            }
        }
        return best
    }
}
