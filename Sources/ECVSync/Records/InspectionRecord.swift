import Foundation

/// One inspection of one vehicle, with a copy of what the vehicle and its checklists were at the time,
/// so that history stays true when the YAML changes later.
public struct InspectionRecord: Codable, Sendable, Equatable {
    public var id: UUID
    public var vehicleID: String
    public var clientID: String
    public var siteID: String
    public var routeID: String
    /// The vehicle's equipment tags, as JSON.
    public var equipment: String
    public var teamID: String
    public var engineer: String
    public var laptop: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// `full` or `recheck` (after a repair: only the items that failed).
    public var kind: String
    /// Per subsystem the checklist version and SHA-256, as JSON.
    public var checklists: String

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
