/// Everything the office's YAML says should happen: checklists, teams, clients and routes.
public struct Catalog: Sendable, Hashable {
    public var checklists: [Checklist]
    public var teams: [Team]
    public var clients: [Client]
    public var routes: [Route]
    /// The equipment tags with their names for people (`Routes/tags.yaml`).
    public var tags: [EquipmentTag]

    public init(
        checklists: [Checklist] = [], teams: [Team] = [], clients: [Client] = [], routes: [Route] = [],
        tags: [EquipmentTag] = []
    ) {
        self.checklists = checklists
        self.teams = teams
        self.clients = clients
        self.routes = routes
        self.tags = tags
    }

    /// A vehicle with the site and route it belongs to.
    public struct VehiclePlacement: Sendable, Hashable {
        public var vehicle: Vehicle
        public var site: Site
        public var route: Route

        public init(vehicle: Vehicle, site: Site, route: Route) {
            self.vehicle = vehicle
            self.site = site
            self.route = route
        }
    }

    /// Every vehicle with its site and route, in file order.
    public var placements: [VehiclePlacement] {
        routes.flatMap { route in
            route.sites.flatMap { site in
                site.vehicles.map { VehiclePlacement(vehicle: $0, site: site, route: route) }
            }
        }
    }

    /// The vehicle with this id, with its site and route.
    public func placement(ofVehicle id: String) -> VehiclePlacement? {
        for route in routes {
            for site in route.sites {
                if let vehicle = site.vehicles.first(where: { $0.id == id }) {
                    return VehiclePlacement(vehicle: vehicle, site: site, route: route)
                }
            }
        }
        return nil
    }

    public func team(withID id: String) -> Team? { teams.first { $0.id == id } }
    public func site(withID id: String) -> Site? { routes.lazy.flatMap(\.sites).first { $0.id == id } }
    public func client(withID id: String) -> Client? { clients.first { $0.id == id } }
    public func route(withID id: String) -> Route? { routes.first { $0.id == id } }
    public func tag(withID id: String) -> EquipmentTag? { tags.first { $0.id == id } }

    /// All skill names of all teams: the equipment tags that demand a qualification.
    public var skillNames: Set<String> { Set(teams.flatMap(\.skills)) }

    /// The checklist items that apply to `vehicle`.
    public func items(applyingTo vehicle: Vehicle) -> [ChecklistItem] {
        checklists.items(applyingTo: vehicle)
    }

    /// Minutes a visit to `placement`'s vehicle takes, setup included.
    public func serviceMinutes(for placement: VehiclePlacement) -> Int {
        checklists.serviceMinutes(for: placement.vehicle, setupMinutes: placement.route.setupMinutes)
    }
}
