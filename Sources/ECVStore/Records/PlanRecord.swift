import Foundation
import GRDB

/// One issued plan: its version number, when it was made, with which seed, from which inputs.
public struct PlanRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "plan"

    public var id: UUID
    /// 1, 2, 3 … in the order plans were stored.
    public var version: Int
    public var createdAt: Date
    public var seed: Int64
    /// The plan document, `ecv-plan/1`.
    public var json: String
    /// SHA-256 of the catalog the plan was made from.
    public var inputsSHA256: String
    /// The day a re-plan started from, if it was one.
    public var fromDay: String?
}
