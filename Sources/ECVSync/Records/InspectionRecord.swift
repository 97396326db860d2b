import Foundation

/// One inspection of one vehicle, with a copy of what the vehicle and its checklists were at the time,
/// so that history stays true when the YAML changes later.
public struct InspectionRecord: Codable, Sendable, Equatable {
    /// The inspection's record identity.
    public var id: UUID
    /// The inspected vehicle.
    public var vehicleID: String
    /// The vehicle's client organisation at the time.
    public var clientID: String
    /// The vehicle's site at the time.
    public var siteID: String
    /// The regional line at the time.
    public var routeID: String
    /// The vehicle's equipment tags, as JSON.
    public var equipment: String
    /// The team that inspected it.
    public var teamID: String
    /// The engineer who opened it.
    public var engineer: String
    /// The laptop it was opened on.
    public var laptop: String
    /// When the first answer was recorded.
    public var startedAt: Date
    /// When the answer that completed it was recorded; `nil` while open.
    public var finishedAt: Date?
    /// `full` or `recheck` (after a repair: only the items that failed).
    public var kind: String
    /// Per subsystem the checklist version and SHA-256, as JSON.
    public var checklists: String

    /// An inspection of these parts.
    public init(
        id: UUID, vehicleID: String, clientID: String, siteID: String, routeID: String, equipment: String,
        teamID: String, engineer: String, laptop: String, startedAt: Date, finishedAt: Date?, kind: String,
        checklists: String
    ) {
        self.id = id
        self.vehicleID = vehicleID
        self.clientID = clientID
        self.siteID = siteID
        self.routeID = routeID
        self.equipment = equipment
        self.teamID = teamID
        self.engineer = engineer
        self.laptop = laptop
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.kind = kind
        self.checklists = checklists
    }
}
