/// Everything the office's YAML says should happen: checklists, teams, clients and routes.
public struct Catalog: Sendable, Hashable {
    /// One per subsystem file in `Checklists/`, in file-name order.
    public var checklists: [Checklist]
    /// The field teams of `Routes/teams.yaml`.
    public var teams: [Team]
    /// The client organisations of `Routes/clients.yaml`, with their contacts.
    public var clients: [Client]
    /// One per regional line file in `Routes/`, with its sites and vehicles.
    public var routes: [Route]
    /// The equipment tags with their names for people (`Routes/tags.yaml`).
    public var tags: [EquipmentTag]

    /// A catalog of these parts; everything empty by default, for tests and examples.
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
        /// The vehicle itself.
        public var vehicle: Vehicle
        /// The site where the vehicle is parked and visited.
        public var site: Site
        /// The regional line the site lies on.
        public var route: Route

        /// Places `vehicle` at `site` on `route`.
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

    /// The team with this id, or nil.
    public func team(withID id: String) -> Team? { teams.first { $0.id == id } }
    /// The site with this id on any line, or nil.
    public func site(withID id: String) -> Site? { routes.lazy.flatMap(\.sites).first { $0.id == id } }
    /// The client organisation with this id, or nil.
    public func client(withID id: String) -> Client? { clients.first { $0.id == id } }
    /// The regional line with this id, or nil.
    public func route(withID id: String) -> Route? { routes.first { $0.id == id } }
    /// The equipment tag with this id, or nil.
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
