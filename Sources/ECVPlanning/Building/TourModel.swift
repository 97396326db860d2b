import ECVModel
import ECVRouting
import Foundation

/// The tour as the routing engine sees it: one engine vehicle per route, one job per vehicle to inspect,
/// locations for bases and sites, times on each route's work clock.
struct TourModel {
    /// The routes being planned, in catalog order; engine vehicle `i` drives `routes[i]`.
    let routes: [Route]
    let teams: [Team]
    let clocks: [WorkClock]
    /// The vehicles to inspect; engine job `j` is `jobs[j]`.
    let jobs: [Catalog.VehiclePlacement]
    /// Service minutes of each job on each route (the route's setup minutes differ).
    let serviceMinutes: [[Int]]
    /// `locations[k]` is a base (`site == nil`) or a site.
    let locations: [(point: GeoPoint, site: String?)]
    let siteLocation: [String: Int]
    let baseLocation: [Int]
    let travelModels: [TravelModel]
    /// Every team's skills in the catalog: the equipment tags that need a qualification.
    let skillNames: [String]
    let problem: RoutingProblem

    /// Measured legs that replace the great-circle model.
    let distances: DistanceTable

    init(
        catalog: Catalog, routeIDs: Set<String>?, rebalance: Bool, skip: Set<String>, distances: DistanceTable
    ) throws(PlanningError) {
        self.distances = distances
        routes = catalog.routes.filter { routeIDs?.contains($0.id) ?? true }
        var teams: [Team] = []
        for route in routes {
            guard let team = catalog.team(withID: route.teamID) else {
                throw .unknownTeam(route.teamID, route: route.id)
            }
            teams.append(team)
        }
        self.teams = teams
        clocks = routes.map(WorkClock.init)
        jobs = routes.flatMap { route in
            route.sites.flatMap { site in
                site.vehicles.filter { !skip.contains($0.id) }.map {
                    Catalog.VehiclePlacement(vehicle: $0, site: site, route: route)
                }
            }
        }
        let routesForMinutes = routes
        serviceMinutes = jobs.map { job in
            routesForMinutes.map { catalog.checklists.serviceMinutes(for: job.vehicle, setupMinutes: $0.setupMinutes) }
        }

        var locations: [(point: GeoPoint, site: String?)] = []
        var baseIndex: [GeoPoint: Int] = [:]
        baseLocation = teams.map { team in
            if let index = baseIndex[team.base.location] { return index }
            locations.append((team.base.location, nil))
            baseIndex[team.base.location] = locations.count - 1
            return locations.count - 1
        }
        var siteLocation: [String: Int] = [:]
        for route in routes {
            for site in route.sites where siteLocation[site.id] == nil {
                locations.append((site.location, site.id))
                siteLocation[site.id] = locations.count - 1
            }
        }
        self.locations = locations
        self.siteLocation = siteLocation
        var models: [TravelModel] = []
        for route in routes where !models.contains(route.travel) { models.append(route.travel) }
        travelModels = models

        skillNames = Array(catalog.skillNames).sorted()
        guard skillNames.count <= 64 else { throw .tooManySkills(skillNames.count) }
        problem = TourModel.buildProblem(
            routes: routes, teams: teams, clocks: clocks, jobs: jobs, serviceMinutes: serviceMinutes,
            locations: locations, siteLocation: siteLocation, baseLocation: baseLocation, travelModels: models,
            skillNames: skillNames, rebalance: rebalance, measured: distances)
    }

    /// Road km and whole drive minutes between two locations: measured when the distance table lists
    /// the pair, else great-circle km × circuity at the model's speed.
    static func leg(
        _ from: (point: GeoPoint, site: String?), _ to: (point: GeoPoint, site: String?), _ model: TravelModel,
        _ distances: DistanceTable
    ) -> (km: Double, minutes: Double) {
        if let measured = distances.entry(from: from.site ?? "base", to: to.site ?? "base") {
            return (measured.km, measured.minutes)
        }
        let km = model.roadKm(from: from.point, to: to.point)
        return (km, model.driveMinutes(roadKm: km).rounded(.up))
    }

    /// The leg between two locations of this model under `model`.
    func leg(_ from: Int, _ to: Int, _ model: TravelModel) -> (km: Double, minutes: Double) {
        TourModel.leg(locations[from], locations[to], model, distances)
    }

    private static func buildProblem(
        routes: [Route], teams: [Team], clocks: [WorkClock], jobs: [Catalog.VehiclePlacement],
        serviceMinutes: [[Int]], locations: [(point: GeoPoint, site: String?)], siteLocation: [String: Int],
        baseLocation: [Int], travelModels: [TravelModel], skillNames: [String], rebalance: Bool,
        measured: DistanceTable
    ) -> RoutingProblem {
        let size = locations.count
        let matrices = travelModels.map { model -> TravelMatrix in
            var distances = [Double](repeating: 0, count: size * size)
            var durations = [Double](repeating: 0, count: size * size)
            for i in 0..<size {
                for j in 0..<size where i != j {
                    let leg = leg(locations[i], locations[j], model, measured)
                    distances[i * size + j] = leg.km
                    durations[i * size + j] = leg.minutes
                }
            }
            return TravelMatrix(size: size, distances: distances, durations: durations)
        }
        func skills(_ names: [String]) -> SkillSet {
            SkillSet(names.compactMap { skillNames.firstIndex(of: $0) }.map(SkillSet.skill))
        }
        let vehicles = routes.indices.map { index -> RoutingProblem.Vehicle in
            let route = routes[index]
            let clock = clocks[index]
            let limit = route.maxDriveHours.map { Double(Int(($0 * 60).rounded())) }
            let daily = limit.flatMap {
                $0 < Double(clock.dayLength) ? DailyTravel(dayLength: Double(clock.dayLength), limit: $0) : nil
            }
            return RoutingProblem.Vehicle(
                startLocation: baseLocation[index], endLocation: baseLocation[index],
                shift: TimeWindow(0, Double(clock.horizon)), skills: skills(teams[index].skills), dailyTravel: daily,
                travelProfile: travelModels.firstIndex(of: route.travel) ?? 0, clock: index)
        }
        let skillSet = Set(skillNames)
        let engineJobs = jobs.indices.map { index -> RoutingProblem.Job in
            let job = jobs[index]
            let own = routes.firstIndex { $0.id == job.route.id } ?? 0
            // A site with an appointment stays with its own team, so that its first visit is the appointed one.
            let movable = rebalance && job.site.appointment == nil
            // Only the routes that may take the job need its windows on their clocks.
            let terms = routes.indices.map { r in
                RoutingProblem.Terms(
                    serviceDuration: Double(serviceMinutes[index][r]),
                    windows: movable || r == own
                        ? VisitWindows.windows(for: job, minutes: serviceMinutes[index][r], on: routes[r], clocks[r])
                        : [])
            }
            return RoutingProblem.Job(
                location: siteLocation[job.site.id] ?? 0, serviceDuration: terms[own].serviceDuration,
                windows: terms[own].windows, skills: skills(job.vehicle.requiredSkills(among: skillSet)),
                priority: job.vehicle.priority == .high ? .high : .normal,
                allowedVehicles: movable ? nil : [own], termsByClock: terms)
        }
        return RoutingProblem(jobs: engineJobs, vehicles: vehicles, matrices: matrices)
    }
}

/// Why a tour cannot be turned into a routing problem at all.
public enum PlanningError: Error, CustomStringConvertible, Equatable {
    case unknownTeam(String, route: String)
    case tooManySkills(Int)
    case unknownRoute(String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownTeam(let team, let route): return "route `\(route)` names unknown team `\(team)`"
        case .tooManySkills(let count): return "\(count) distinct team skills; the planner handles at most 64"
        case .unknownRoute(let route, let suggestion):
            return "unknown route `\(route)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        }
    }
}
