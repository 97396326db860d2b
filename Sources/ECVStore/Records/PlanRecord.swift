import Foundation
import GRDB

/// One stored plan version: its number, when it was made, with which seed, from which inputs, and its state.
public struct PlanRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table of stored plans.
    public static let databaseTableName = "plan"

    /// The plan's record identity, the same in every database it reaches.
    public var id: UUID
    /// 1, 2, 3 … in the order plans were stored.
    public var version: Int
    /// When it was made.
    public var createdAt: Date
    /// The search's seed.
    public var seed: Int64
    /// The plan document, `ecv-plan/1`.
    public var json: String
    /// SHA-256 of the catalog the plan was made from.
    public var inputsSHA256: String
    /// The day a re-plan started from, if it was one.
    public var fromDay: String?
    /// Whether teams follow this version.
    public var state: PlanState
    /// The files the plan was made from, `PlanInputs` as JSON; `nil` for plans stored before they were kept.
    public var inputFiles: String?

    /// The files the plan was made from, when they were kept.
    public var inputs: PlanInputs? {
        inputFiles.flatMap { try? JSONDecoder().decode(PlanInputs.self, from: Data($0.utf8)) }
    }

    /// A plan from scratch, or a re-plan of the rest of a tour.
    public var kind: PlanKind { fromDay == nil ? .plan : .replan }
}

/// The life of a plan version: made as a draft, published for the teams, superseded by a later publication.
public enum PlanState: String, Codable, Sendable, Equatable, DatabaseValueConvertible {
    /// Made by `ecv plan` or `ecv replan`; nobody follows it yet.
    case draft
    /// The one version teams follow: `today`, the web form, calendars, bundles and reports use it.
    case published
    /// Was published once; a later publication replaced it.
    case superseded
}

/// How a plan version was made.
public enum PlanKind: String, Codable, Sendable, Equatable {
    case plan
    case replan
}
