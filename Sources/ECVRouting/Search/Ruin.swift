/// Removes jobs from a solution: strings of consecutive jobs around a seed (SISR), or jobs at random.
struct Ruin {
    /// Average number of jobs removed per ruin (SISR's c̄).
    var averageRemoved = 10.0
    /// Longest string removed from one route (SISR's L^max).
    var maxStringLength = 10.0
    /// Chance of the split-string variant, which keeps a substring inside the removed string.
    var splitRate = 0.5
    /// Chance that the split-string keeps growing its preserved part (SISR's 1 − β).
    var splitGrowth = 0.99

    func run(_ state: inout SearchState, _ instance: Instance, _ random: inout SearchRandom) {
        let assigned = instance.jobCount - state.unassigned.count
        guard assigned > 0 else { return }
        if random.unit() < 0.1 {
            removeRandomJobs(&state, instance, &random)
        } else {
            removeStrings(&state, instance, &random, assigned: assigned)
        }
    }

    private func removeStrings(
        _ state: inout SearchState, _ instance: Instance, _ random: inout SearchRandom, assigned: Int
    ) {
        let usedRoutes = state.routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        let averageLength = Double(assigned) / Double(max(1, usedRoutes))
        let longest = min(maxStringLength, averageLength)
        let maxStrings = 4 * averageRemoved / (1 + longest) - 1
        let strings = Int(random.unit() * maxStrings) + 1
        var seed = random.below(instance.jobCount)
        while state.routeOf[seed] < 0 { seed = random.below(instance.jobCount) }

        var ruined: [Int] = []
        let neighbours = instance.neighbours[seed]
        for index in -1..<neighbours.count {
            if ruined.count >= strings { break }
            let job = index < 0 ? seed : neighbours[index]
            let r = state.routeOf[job]
            guard r >= 0, !ruined.contains(r) else { continue }
            ruined.append(r)
            let route = state.routes[r]
            let cap = min(Double(route.count), longest)
            let length = Int(random.unit() * cap) + 1
            guard let position = route.jobs.firstIndex(of: job) else { continue }
            let removed: [Int]
            if length < route.count, random.unit() < splitRate {
                removed = splitString(route.jobs, containing: position, length: length, &random)
            } else {
                removed = string(route.jobs, containing: position, length: length, &random)
            }
            state.remove(removed, fromRoute: r, instance)
        }
    }

    /// `length` consecutive jobs of `jobs` that include `position`.
    private func string(_ jobs: [Int], containing position: Int, length: Int, _ random: inout SearchRandom) -> [Int] {
        let lowest = max(0, position - length + 1)
        let highest = min(position, jobs.count - length)
        let start = lowest + random.below(highest - lowest + 1)
        return Array(jobs[start..<(start + length)])
    }

    /// A string of `length + kept` jobs around `position` minus `kept` consecutive ones that stay.
    private func splitString(
        _ jobs: [Int], containing position: Int, length: Int, _ random: inout SearchRandom
    ) -> [Int] {
        var kept = 1
        while length + kept < jobs.count, random.unit() < splitGrowth { kept += 1 }
        let whole = string(jobs, containing: position, length: length + kept, &random)
        let keepStart = random.below(length + 1)
        return Array(whole[..<keepStart]) + Array(whole[(keepStart + kept)...])
    }

    private func removeRandomJobs(_ state: inout SearchState, _ instance: Instance, _ random: inout SearchRandom) {
        let count = max(1, Int(random.unit() * 2 * averageRemoved))
        for _ in 0..<count {
            let job = random.below(instance.jobCount)
            let r = state.routeOf[job]
            if r >= 0 { state.remove([job], fromRoute: r, instance) }
        }
    }
}
