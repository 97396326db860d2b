import Foundation

/// What a season did and what it found.
public struct SeasonOutcome: Sendable {
    /// The season's seed.
    public var seed: UInt64
    /// Calendar days played, from the lines' first day to the day after the last one's end.
    public var daysPlayed = 0
    /// Replans made and published (the first plan not counted).
    public var replans = 0
    /// What each replan did to the plan it replaced, in order.
    public var replanEffects: [ReplanEffect] = []
    /// Answers entered by engineers.
    public var answers = 0
    /// Bundles imported (a bundle imported twice counts twice).
    public var syncs = 0
    /// Bundles refused on the way (retried later).
    public var refusedImports = 0
    /// Times the hub was stopped and started again on its database (none when bundles travel as files).
    public var hubRestarts = 0
    /// The faults the office met, in order: `2027-03-05 site-1-2 closed on 2027-03-08`.
    public var faults: [String] = []
    /// Every breach, each reported once, at the first step that found it.
    public var violations: [SeasonViolation] = []
    /// Why the season ended before its last day, if it did: a published plan that cannot be read back.
    public var endedEarly: String?

    /// Nothing done yet in the season of `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The number of violations of each invariant.
    public var violationsByInvariant: [SeasonInvariant: Int] {
        Dictionary(grouping: violations, by: \.invariant).mapValues(\.count)
    }
}

/// Why a season could not go on.
public enum SeasonError: Error, CustomStringConvertible, Sendable {
    /// Routes/ or Checklists/ did not read after an edit.
    case badCatalog(String)
    /// A plan stored and published could not be read back.
    case notPublished(Int)
    /// The published plan, as stored, does not read as a plan: the season cannot go on (a breach of the plan
    /// checker's invariant, reported as one).
    case unreadablePlan(version: Int, problem: String)
    /// A step failed: the seed, the step and what went wrong.
    case step(replay: String, step: Int, action: String, problem: String)

    /// The reason, with the command that replays the season when a step failed.
    public var description: String {
        switch self {
        case .badCatalog(let problem): return "the edited catalog does not read: \(problem)"
        case .notPublished(let version): return "plan version \(version) was published but cannot be read back"
        case .unreadablePlan(let version, let problem):
            return "plan \(version) as stored does not read as a plan: \(problem)"
        case .step(let replay, let step, let action, let problem):
            return "step \(step) (\(action)) failed: \(problem) — replay: \(replay)"
        }
    }
}
