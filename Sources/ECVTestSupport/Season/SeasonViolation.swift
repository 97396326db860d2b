import ECVModel

/// The invariants of DESIGN.md ("Season simulation") that a season must keep after every step.
public enum SeasonInvariant: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The independent plan checker accepts every published plan.
    case planChecker = "plan-checker"
    /// Every vehicle of Routes/ is done, scheduled or unscheduled with a reason, once; totals count vehicles.
    case onePlace = "one-place"
    /// Visits and legs of the previous published plan that end before the replan day are kept byte for byte.
    case pastFixed = "past-fixed"
    /// A team away from base at the replan day starts where the published plan had it.
    case teamsContinue = "teams-continue"
    /// Plan JSON, table, CSV, `plan list` and the status board give the same numbers.
    case countsAgree = "counts-agree"
    /// A report's next visit or recheck is the published plan's, never before the report's date.
    case reportDates = "report-dates"
    /// No empty inspection, a complete one is closed, a recheck is one by the vehicle's state.
    case oneLifecycle = "one-lifecycle"
    /// After a full sync round every database holds the same results and shows the same board.
    case converging = "converging"
    /// After a full round through a hub, the hub holds each result once, and exactly the office's results.
    case hubHoldsOnce = "hub-holds-once"
    /// After a full round through a hub, the office's board is the one `ecv import` of the same bundles builds.
    case boardFromBundles = "board-from-bundles"

    /// In the order DESIGN.md lists them.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One invariant broken, as a check finds it: which, and what exactly.
public struct InvariantBreach: Sendable, Hashable, CustomStringConvertible {
    /// The invariant broken.
    public var invariant: SeasonInvariant
    /// What exactly: the vehicle, visit, leg or database and how it differs.
    public var detail: String

    /// A breach of `invariant`, described by `detail`.
    public init(_ invariant: SeasonInvariant, _ detail: String) {
        self.invariant = invariant
        self.detail = detail
    }

    /// `invariant: detail`.
    public var description: String { "\(invariant.rawValue): \(detail)" }
}

/// A breach found during a season, with where it happened and the command that plays the season again.
public struct SeasonViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was broken.
    public var breach: InvariantBreach
    /// The season's seed: the same seed plays the same season.
    public var seed: UInt64
    /// The step's number in the season, counted from 1, and what the step did.
    public var step: Int
    /// What the step did, as `replan and publish` or `full sync round`.
    public var action: String
    /// The season's day of the step.
    public var day: CalendarDay
    /// The one command that plays this season again.
    public var replay: String

    /// A breach found at step `step` of the season of `seed`, replayed by `replay`.
    public init(breach: InvariantBreach, seed: UInt64, step: Int, action: String, day: CalendarDay, replay: String) {
        self.breach = breach
        self.seed = seed
        self.step = step
        self.action = action
        self.day = day
        self.replay = replay
    }

    /// The invariant broken.
    public var invariant: SeasonInvariant { breach.invariant }

    /// One line: the season, step, day and action, the breach, and the replay command.
    public var description: String {
        "season \(seed), step \(step) (\(day), \(action)): \(breach) — replay: \(replay)"
    }
}
