import Foundation

/// One line of the append-only audit trail: who changed what, when, on which laptop, from what to what.
public struct AuditRecord: Codable, Sendable, Equatable {
    /// The line's identity.
    public var id: UUID
    /// When the change was made.
    public var at: Date
    /// The engineer or dispatcher who made it.
    public var who: String
    /// The laptop (or office) it was made on.
    public var laptop: String
    /// `inspection`, `result` or `plan`.
    public var entity: String
    /// The changed record's id.
    public var entityID: String
    /// The vehicle concerned, for history; nil for plans.
    public var vehicleID: String?
    /// JSON of the old state, nil when the entity is new.
    public var old: String?
    /// JSON of the new state.
    public var new: String

    /// A record with every field given.
    public init(
        id: UUID, at: Date, who: String, laptop: String, entity: String, entityID: String, vehicleID: String?,
        old: String?, new: String
    ) {
        self.id = id
        self.at = at
        self.who = who
        self.laptop = laptop
        self.entity = entity
        self.entityID = entityID
        self.vehicleID = vehicleID
        self.old = old
        self.new = new
    }
}
