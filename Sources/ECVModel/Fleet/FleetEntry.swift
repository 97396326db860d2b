/// One vehicle of the fleet with what a dispatcher needs to plan it: where, whose, how long, which skills.
public struct FleetEntry: Sendable, Hashable, Codable {
    /// The vehicle's id.
    public var vehicle: String
    /// The vehicle's make and model, when known.
    public var model: String?
    /// The owning client organisation's id.
    public var client: String
    /// The client's name, when the client is listed.
    public var clientName: LocalizedText?
    /// The id of the site where the vehicle is parked.
    public var site: String
    /// The site's city, when given.
    public var city: LocalizedText?
    /// The regional line the site lies on.
    public var route: String
    /// The team that drives that line.
    public var team: String
    /// The vehicle's equipment tags.
    public var equipment: [String]
    /// The skills a team needs to inspect it: its equipment tags that name a skill.
    public var requiredSkills: [String]
    /// Minutes a visit takes, the line's setup minutes included.
    public var serviceMinutes: Int
    /// Whether it is served before normal vehicles.
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
