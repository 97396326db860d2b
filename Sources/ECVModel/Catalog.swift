import Foundation

/// Everything the office's YAML says should happen: checklists, teams, clients and routes.
public struct Catalog: Sendable, Hashable {
    /// One per subsystem file in `Checklists/`, in file-name order.
    public var checklists: [Checklist]
    /// The field teams of `Routes/teams.yaml`.
    public var teams: [Team] {
        didSet { teamIndex = IndexCache() }
    }
    /// The client organisations of `Routes/clients.yaml`, with their contacts.
    public var clients: [Client] {
        didSet { clientIndex = IndexCache() }
    }
    /// One per regional line file in `Routes/`, with its sites and vehicles.
    public var routes: [Route] {
        didSet { routeIndex = IndexCache() }
    }
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
        teamIndex = IndexCache()
        clientIndex = IndexCache()
        routeIndex = IndexCache()
    }

    // Where each team, client, site and vehicle is, by id: each list's index is made at the first lookup after the
    // list changes, not at each change, since the loader adds the lines one by one and looks up teams meanwhile.
    private var teamIndex: IndexCache<[String: Int]>
    private var clientIndex: IndexCache<[String: Int]>
    private var routeIndex: IndexCache<RouteIndex>

    /// Two catalogs are equal when their files say the same: the indexes are not part of what they say.
    public static func == (lhs: Catalog, rhs: Catalog) -> Bool {
        (lhs.checklists, lhs.teams, lhs.clients, lhs.routes, lhs.tags)
            == (rhs.checklists, rhs.teams, rhs.clients, rhs.routes, rhs.tags)
    }

    /// Hashes what the files say, as `==` compares it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(checklists)
        hasher.combine(teams)
        hasher.combine(clients)
        hasher.combine(routes)
        hasher.combine(tags)
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
        guard let at = routeIndex.of({ RouteIndex(routes) }).vehicles[id] else { return nil }
        let route = routes[at.route]
        let site = route.sites[at.site]
        return VehiclePlacement(vehicle: site.vehicles[at.vehicle], site: site, route: route)
    }

    /// The team with this id, or nil.
    public func team(withID id: String) -> Team? {
        teamIndex.of { firstPositions(teams.map(\.id)) }[id].map { teams[$0] }
    }
    /// The site with this id on any line, or nil.
    public func site(withID id: String) -> Site? {
        routeIndex.of { RouteIndex(routes) }.sites[id].map { routes[$0.route].sites[$0.site] }
    }
    /// The client organisation with this id, or nil.
    public func client(withID id: String) -> Client? {
        clientIndex.of { firstPositions(clients.map(\.id)) }[id].map { clients[$0] }
    }
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

/// Where each vehicle and site of a catalog's lines is, by id: plans and reports look them up once per visit, and
/// a search of every line each time made a plan of thousands of vehicles quadratic to check, advise and write.
private struct RouteIndex: Sendable {
    /// The first place of each vehicle id, as a search in file order finds it.
    var vehicles: [String: (route: Int, site: Int, vehicle: Int)] = [:]
    /// The first place of each site id.
    var sites: [String: (route: Int, site: Int)] = [:]

    init(_ routes: [Route]) {
        for (r, route) in routes.enumerated() {
            for (s, site) in route.sites.enumerated() {
                if sites[site.id] == nil { sites[site.id] = (r, s) }
                for (v, vehicle) in site.vehicles.enumerated() where vehicles[vehicle.id] == nil {
                    vehicles[vehicle.id] = (r, s, v)
                }
            }
        }
    }
}

/// The position of each id's first appearance in `ids`, as a search in order finds it.
private func firstPositions(_ ids: [String]) -> [String: Int] {
    var first: [String: Int] = [:]
    for (position, id) in ids.enumerated() where first[id] == nil { first[id] = position }
    return first
}

/// An index of one value of a catalog's list, made once when first asked for.
///
/// Copies of a catalog share it until one of them changes the list and gets a cache of its own.
private final class IndexCache<Index: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var index: Index?

    /// The index, made by `make` the first time.
    func of(_ make: () -> Index) -> Index {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let made = make()
        index = made
        return made
    }
}
