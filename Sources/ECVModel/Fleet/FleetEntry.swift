/// One vehicle of the fleet with what a dispatcher needs to plan it: where, whose, how long, which skills.
public struct FleetEntry: Sendable, Hashable, Codable {
    public var vehicle: String
    public var model: String?
    public var client: String
    public var clientName: LocalizedText?
    public var site: String
    public var city: LocalizedText?
    public var route: String
    public var team: String
    public var equipment: [String]
    public var requiredSkills: [String]
    public var serviceMinutes: Int
    public var priority: Vehicle.Priority
}

extension Catalog {
    /// Every vehicle of `routeID` (all routes when `nil`), in file order.
    public func fleet(route routeID: String? = nil) -> [FleetEntry] {
        let skills = skillNames
        return placements.filter { routeID == nil || $0.route.id == routeID }.map { placement in
            let vehicle = placement.vehicle
            return FleetEntry(
                vehicle: vehicle.id, model: vehicle.model, client: placement.site.clientID,
                clientName: client(withID: placement.site.clientID)?.name, site: placement.site.id,
                city: placement.site.city, route: placement.route.id, team: placement.route.teamID,
                equipment: vehicle.equipment, requiredSkills: vehicle.requiredSkills(among: skills),
                serviceMinutes: serviceMinutes(for: placement), priority: vehicle.priority)
        }
    }

    /// Ids of every vehicle, for suggestions.
    public var vehicleIDs: [String] { placements.map(\.vehicle.id) }
}
