import Foundation

/// One walk of ruin and recreate under simulated annealing.
///
/// A walk has its own random stream, its current solution and the best it has seen. `Solver` runs one walk, or
/// several on the machine's cores that share their best.
struct AnnealingWalk {
    private var random: SearchRandom
    private var recreate: Recreate
    private let ruin = Ruin()
    private let penalty: Double
    private let durationWeight: Double
    private let startTemperature: Double
    private let endTemperature: Double
    private(set) var current: SearchState
    private var currentScalar: Double
    private(set) var best: SearchState
    private(set) var bestObjective: Objective
    /// Iterations since this walk last found a new best.
    private(set) var sinceImprovement = 0

    /// A walk from the greedy construction, drawing from `seed`.
    init(_ instance: Instance, seed: UInt64, options: Solver.Options, penalty: Double) {
        random = SearchRandom(seed: seed)
        recreate = Recreate(instance)
        self.penalty = penalty
        durationWeight = options.durationWeight
        var start = SearchState(instance)
        recreate.blinkRate = 0
        recreate.run(&start, instance, &random)
        recreate.blinkRate = 0.01
        current = start
        best = start
        bestObjective = start.objective(instance)
        currentScalar = bestObjective.scalar(penalty: penalty, durationWeight: options.durationWeight)
        let scale = bestObjective.cost / Double(max(1, instance.jobCount - start.unassigned.count))
        startTemperature = options.initialTemperature * scale
        endTemperature = options.finalTemperature * scale
    }

    /// One iteration at `fraction` (0 to 1) of the cooling schedule; whether it found a new best.
    mutating func step(_ instance: Instance, fraction: Double) -> Bool {
        let temperature = startTemperature * pow(endTemperature / startTemperature, fraction)
        var candidate = current
        ruin.run(&candidate, instance, &random)
        recreate.run(&candidate, instance, &random)
        let objective = candidate.objective(instance)
        let candidateScalar = objective.scalar(penalty: penalty, durationWeight: durationWeight)
        if candidateScalar < currentScalar - temperature * log(random.unit() + 1e-300) {
            current = candidate
            currentScalar = candidateScalar
        }
        sinceImprovement += 1
        guard objective < bestObjective else { return false }
        best = candidate
        bestObjective = objective
        sinceImprovement = 0
        return true
    }

    /// Takes `state`, another walk's best, as this walk's best, and as its current solution when `restart`.
    mutating func adopt(_ state: SearchState, _ objective: Objective, restart: Bool) {
        guard objective < bestObjective else { return }
        best = state
        bestObjective = objective
        if restart {
            current = state
            currentScalar = objective.scalar(penalty: penalty, durationWeight: durationWeight)
        }
    }
}

/// A walk that one core advances while the others advance theirs: each box is touched by one thread at a time,
/// between the exchanges on the calling thread.
final class WalkBox: @unchecked Sendable {
    var walk: AnnealingWalk
    /// Whether this walk reached the time limit.
    var timeUp = false

    init(_ walk: AnnealingWalk) {
        self.walk = walk
    }
}

/// Where one thread puts the walk it built.
final class WalkSlot: @unchecked Sendable {
    var box: WalkBox?
}
