import ECVModel
import Foundation

/// Which of two answers to one item counts, and when two laptops' answers are a conflict: the one rule of the
/// laptop's store (`ecv import`) and of the hub's board.
///
/// - The answer that counts is the latest by recording time, then by version; an older one never replaces it.
/// - An answer of another laptop is a rival when it answers differently in the same visit of the vehicle: the two
///   inspections were open at the same time, or the answers are less than `visitSeconds` apart.
/// - Of two rivals, the worse answer is held (a fail over an untested item over a pass) until a later answer of
///   the laptop that gave it, or an answer recorded at the receiving database, resolves it; nothing is held when
///   the later answer was recorded at the receiving database, which decided after seeing the other.
/// - Two laptops that changed one version of one result: the later, then the greater laptop name, is kept.
public enum AnswerRule {
    /// Answers of one item this close in time belong to one visit of the vehicle, whatever inspection holds them.
    public static let visitSeconds: TimeInterval = 12 * 3600

    /// Whether an answer recorded at `incoming` with `incomingVersion` replaces the one that counts now.
    public static func replaces(
        recordedAt incoming: Date, version incomingVersion: Int, latestAt latest: Date, latestVersion: Int
    ) -> Bool {
        (incoming, incomingVersion) >= (latest, latestVersion)
    }

    /// Whether `incoming` is kept over `clash`, another laptop's change of the same version of the same result.
    public static func keeps(_ incoming: ResultRecord, over clash: ResultRecord) -> Bool {
        (incoming.recordedAt, incoming.laptop) > (clash.recordedAt, clash.laptop)
    }

    /// The time an inspection was open: from its start to its end, or on for an inspection not ended.
    public struct Visit: Sendable, Equatable {
        /// When the inspection started.
        public var startedAt: Date
        /// When it ended; `nil` while it is open.
        public var finishedAt: Date?

        /// The visit from `startedAt` to `finishedAt`, or on when that is `nil`.
        public init(startedAt: Date, finishedAt: Date?) {
            self.startedAt = startedAt
            self.finishedAt = finishedAt
        }

        /// The visit of an inspection as it is stored.
        public init(_ inspection: InspectionRecord) {
            self.init(startedAt: inspection.startedAt, finishedAt: inspection.finishedAt)
        }

        func overlaps(_ other: Visit) -> Bool {
            startedAt <= (other.finishedAt ?? .distantFuture) && other.startedAt <= (finishedAt ?? .distantFuture)
        }
    }

    /// Whether `incoming` and `latest`, the answer that counts for the item now, are rivals.
    public static func areRivals(
        _ incoming: ResultRecord, in incomingVisit: Visit, _ latest: ResultRecord, in latestVisit: Visit
    ) -> Bool {
        guard latest.id != incoming.id, latest.laptop != incoming.laptop, !latest.sameAnswer(as: incoming, timed: false)
        else { return false }
        let oneVisit = abs(incoming.recordedAt.timeIntervalSince(latest.recordedAt)) <= visitSeconds
        return incomingVisit.overlaps(latestVisit) || oneVisit
    }

    /// Of two rivals, whether `incoming` is kept as the answer that counts.
    public static func keeps(_ incoming: ResultRecord, overRival rival: ResultRecord) -> Bool {
        replaces(
            recordedAt: incoming.recordedAt, version: incoming.version, latestAt: rival.recordedAt,
            latestVersion: rival.version)
    }

    /// A worse answer held against a conflict until a later answer resolves it.
    public struct Held: Sendable, Equatable {
        /// The worse answer, which the verdict is never better than.
        public var status: ItemResult.Status
        /// The laptop whose answer it is: only its later answer resolves it.
        public var laptop: String
        /// When the later of the two rivals was recorded.
        public var recordedAt: Date

        /// A worse answer `status` of `laptop`, held since `recordedAt`.
        public init(status: ItemResult.Status, laptop: String, recordedAt: Date) {
            self.status = status
            self.laptop = laptop
            self.recordedAt = recordedAt
        }
    }

    /// The answer to hold for a conflict between `kept` and `other` at the database of laptop `here`; `nil` when
    /// nothing is held (the answers are as bad, or the later one was recorded here), or when `current`, held
    /// already, is worse.
    public static func held(kept: ResultRecord, other: ResultRecord, here: String, current: Held?) -> Held? {
        let later = kept.recordedAt >= other.recordedAt ? kept : other
        let keptStatus = ItemResult.Status(rawValue: kept.status) ?? .untested
        let otherStatus = ItemResult.Status(rawValue: other.status) ?? .untested
        guard later.laptop != here, keptStatus.badness != otherStatus.badness else { return nil }
        let worse = otherStatus.badness > keptStatus.badness ? other : kept
        let worseStatus = ItemResult.Status(rawValue: worse.status) ?? .untested
        if let current, current.status.badness > worseStatus.badness { return nil }
        return Held(status: worseStatus, laptop: worse.laptop, recordedAt: later.recordedAt)
    }

    /// Whether an answer resolves `held`: one recorded at this database (`local`), or a later one of the laptop
    /// whose answer is held.
    public static func resolves(_ held: Held, by answer: ResultRecord, local: Bool) -> Bool {
        local || (held.recordedAt < answer.recordedAt && held.laptop == answer.laptop)
    }
}

extension ResultRecord {
    /// Whether `other` gives the same answer, by the same hand; with `timed`, also at the same moment.
    public func sameAnswer(as other: ResultRecord, timed: Bool = true) -> Bool {
        status == other.status && value == other.value && choice == other.choice && text == other.text
            && (!timed
                || (note == other.note && recordedBy == other.recordedBy && laptop == other.laptop
                    // The database keeps milliseconds; the same time read from two places may differ below.
                    && abs(recordedAt.timeIntervalSince(other.recordedAt)) < 0.0005))
    }
}

extension ItemResult.Status {
    /// How bad an answer is for a verdict: a fail, then an item left untested, then a pass or not applicable.
    public var badness: Int {
        switch self {
        case .fail: return 3
        case .untested: return 2
        case .na, .pass: return 0
        }
    }

    /// The worse of two answers; `self` when they are as bad.
    public func worse(_ other: ItemResult.Status) -> ItemResult.Status {
        other.badness > badness ? other : self
    }
}
