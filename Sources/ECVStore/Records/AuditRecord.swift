import Foundation
import GRDB

/// One line of the append-only audit trail: who changed what, when, on which laptop, from what to what.
public struct AuditRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"

    public var id: UUID
    public var at: Date
    public var who: String
    public var laptop: String
    /// `inspection`, `result` or `plan`.
    public var entity: String
    public var entityID: String
    /// The vehicle concerned, for history; nil for plans.
    public var vehicleID: String?
    /// JSON of the old state, nil when the entity is new.
    public var old: String?
    public var new: String
}
