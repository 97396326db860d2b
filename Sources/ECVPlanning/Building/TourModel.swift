import ECVModel
import ECVRouting
import Foundation

/// The tour as the routing engine sees it: one engine vehicle per route, one job per vehicle to inspect,
/// locations for bases and sites, times on each route's work clock.
struct TourModel {
    /// The lines being planned, in catalog order; engine vehicle `i` drives `lines[i]`.
    let lines: [Line]
    /// The vehicles to visit; engine job `j` is `jobs[j]`, for `purposes[j]`.
    let jobs: [Catalog.VehiclePlacement]
    let purposes: [RoutePlan.Visit.Purpose]
    /// Service minutes of each job on each route (the route's setup minutes differ).
    let serviceMinutes: [[Int]]
    /// `locations[k]` is a team's base or a site.
    let locations: [(point: GeoPoint, place: Place)]
    let siteLocation: [String: Int]
    let travelModels: [TravelModel]
    /// Every team's skills in the catalog: the equipment tags that need a qualification.
    let skillNames: [String]
    /// Announced visits that would have stayed but that the team can no longer reach in time, with the reason.
    let unreachable: [String: String]
    /// Sites whose first visit has taken place (a re-plan's past, or a vehicle with results): an appointment
    /// binds the first visit only, so these sites' appointments no longer constrain anything.
    let appointmentsSpent: Set<String>
    /// The day a re-plan starts from; `nil` for a fresh plan.
    let resumeDay: CalendarDay?
    let problem: RoutingProblem

    /// Measured legs that replace the great-circle model.
    let distances: DistanceTable

    /// One line of the tour with its team, its work clock and where a re-plan takes it up.
    struct Line {
        let route: Route
        let team: Team
        let clock: WorkClock
        /// The published past before a re-plan's first day; `nil` for a fresh plan or a team that had not left
        /// its base.
        let prefix: RoutePrefix?
        /// The working minute from which the team may do anything new: where the published past leaves it,
        /// never before the re-plan's first day (0 for a fresh plan).
        let resumeMinute: Int
        /// The working minute from which the engine plans, and where the team is then.
        let startMinute: Int
        let startLocation: Int
        /// The team's base among the model's locations, where the line ends.
        let base: Int
        /// The visits a re-plan keeps from its first day on, by start; empty for a fresh plan.
        let kept: [KeptCall]
    }

    /// A place the engine drives between: a team's base or a site.
    enum Place: Equatable {
        case base
        case site(String)

        /// The name plans and distance tables give it: `base`, or the site's id.
        var name: String {
            switch self {
            case .base: return "base"
            case .site(let id): return id
            }
        }
    }

    /// A visit of an earlier plan, on this model's locations and clock.
    struct KeptCall {
        let location: Int
        let start: Int
        let minutes: Int
        let vehicle: String
        let client: String
        let purpose: RoutePlan.Visit.Purpose
    }

    /// The model of `catalog`'s tour; with `keepingPreferredDays`, each visit a re-plan prefers to keep may
    /// only take place on its day with its team.
    init(
        catalog: Catalog, routeIDs: Set<String>?, rebalance: Bool, continuation: Continuation?,
        distances: DistanceTable, keepingPreferredDays: Bool = false, timeCosts: Bool = true,
        clientRoutes: [String: String] = [:]
    ) throws(PlanningError) {
        self.distances = distances
        let routes = catalog.routes.filter { routeIDs?.contains($0.id) ?? true }
        var teams: [Team] = []
        for route in routes {
            guard let team = catalog.team(withID: route.teamID) else {
                throw .unknownTeam(route.teamID, route: route.id)
            }
            teams.append(team)
        }
        let clocks = routes.map(WorkClock.init)

        var locations: [(point: GeoPoint, place: Place)] = []
        var baseIndex: [GeoPoint: Int] = [:]
        let baseLocation = teams.map { team in
            if let index = baseIndex[team.base.location] { return index }
            locations.append((team.base.location, .base))
            baseIndex[team.base.location] = locations.count - 1
            return locations.count - 1
        }
        var siteLocation: [String: Int] = [:]
        for route in routes {
            for site in route.sites where siteLocation[site.id] == nil {
                locations.append((site.location, .site(site.id)))
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
        resumeDay = continuation?.from
        let prefixes = routes.map { continuation?.prefixes[$0.id] }
        var resume: [Int] = []
        for r in routes.indices {
            resume.append(TourModel.resumeMinute(prefixes[r], from: continuation?.from, on: clocks[r]))
        }
        let reachable = TourModel.reachable(
            TourModel.keptCalls(continuation, catalog: catalog, routes: routes, clocks: clocks, siteLocation),
            routes: routes, clocks: clocks, prefixes: prefixes, resume: resume, siteLocation: siteLocation,
            bases: baseLocation,
            leg: { from, to, model in TourModel.leg(locations[from], locations[to], model, distances) })
        let kept = reachable.kept
        unreachable = reachable.dropped
        // Vehicles whose announced visit stays are not planned again; one the team can no longer reach in time is.
        let keptVehicles = Set(kept.flatMap { $0.map(\.vehicle) })
        let done = (continuation?.done ?? []).union((continuation?.settled ?? []).filter(keptVehicles.contains))
        let revisits = continuation?.revisits ?? [:]
        jobs = routes.flatMap { route in
            route.sites.flatMap { site in
                site.vehicles.filter { !done.contains($0.id) }.map {
                    Catalog.VehiclePlacement(vehicle: $0, site: site, route: route)
                }
            }
        }
        purposes = jobs.map { revisits[$0.vehicle.id]?.purpose ?? .inspection }
        // A visit takes its items' minutes, the same on every line, and the line's setup: the items are added up
        // once per vehicle, not once per vehicle and line.
        serviceMinutes = jobs.map { job in
            let items =
                revisits[job.vehicle.id]?.itemMinutes
                ?? catalog.checklists.serviceMinutes(for: job.vehicle, setupMinutes: 0)
            return routes.map { items + $0.setupMinutes }
        }
        let inspected = (continuation?.done ?? []).union(continuation.map { Set($0.revisits.keys) } ?? [])
        let spent = Set(prefixes.compactMap { $0 }.flatMap { $0.stops.map(\.site) })
            .union(catalog.placements.filter { inspected.contains($0.vehicle.id) }.map(\.site.id))
        appointmentsSpent = spent
        // The engine's part of a route starts on the re-plan day, where and when the published past leaves the
        // team, and after the route's kept visits; a team whose drive home has begun makes no new trip.
        let startMinutes = routes.indices.map { r in
            let clock = clocks[r]
            guard continuation?.from != nil else { return 0 }
            if prefixes[r]?.isHome == true { return clock.horizon }
            return max(resume[r], kept[r].last.map { $0.start + $0.minutes } ?? 0)
        }
        let startLocations = routes.indices.map { r in
            kept[r].last?.location ?? prefixes[r]?.site.flatMap { siteLocation[$0] } ?? baseLocation[r]
        }
        // Driving already done on the day the engine takes over counts against that day's limit.
        let starts = startMinutes
        let travelBeforeStart = routes.indices.map { r -> Double in
            let clock = clocks[r]
            let day = { (minute: Double) in clock.momentStarting(at: Int(minute)).day }
            let state = reachable.after[r]
            return day(state.time) == day(Double(starts[r])) ? state.driven : 0
        }
        let routeIDs = routes.map(\.id)
        let routeIndex = Dictionary(
            routeIDs.indices.map { (routeIDs[$0], $0) }, uniquingKeysWith: { first, _ in first })
        let placements = jobs
        let days = placements.map { job in
            JobDays(
                route: clientRoutes[job.site.clientID].flatMap { routeIndex[$0] },
                notBefore: continuation?.ready[job.vehicle.id],
                pinned: keepingPreferredDays
                    ? continuation?.preferred[job.vehicle.id].flatMap { visit in
                        routeIndex[visit.route].map { (route: $0, day: visit.day) }
                    } : nil)
        }
        problem = try TourModel.buildProblem(
            routes: routes, teams: teams, clocks: clocks, jobs: jobs, serviceMinutes: serviceMinutes,
            locations: locations, siteLocation: siteLocation,
            starts: (startMinutes, startLocations, baseLocation, travelBeforeStart),
            travelModels: models, skillNames: skillNames, rebalance: rebalance, measured: distances, days: days,
            rates: timeCosts ? routes.map(catalog.costRates) : nil, appointmentsSpent: spent)
        lines = routes.indices.map { r in
            Line(
                route: routes[r], team: teams[r], clock: clocks[r], prefix: prefixes[r], resumeMinute: resume[r],
                startMinute: startMinutes[r], startLocation: startLocations[r], base: baseLocation[r], kept: kept[r])
        }
    }

    /// The appointment job `index`'s visit must keep: its site's, when it is the appointed vehicle, the visit is
    /// its first, and the site's first visit has not taken place.
    func appointment(keptBy index: Int) -> LocalDateTime? {
        let job = jobs[index]
        guard purposes[index] == .inspection, !appointmentsSpent.contains(job.site.id) else { return nil }
        return VisitWindows.appointment(keptBy: job)
    }

    /// The kept visits of `continuation` per route, on the routes' clocks, by start; a visit whose vehicle,
    /// route or moment the catalog no longer has is left out.
    private static func keptCalls(
        _ continuation: Continuation?, catalog: Catalog, routes: [Route], clocks: [WorkClock],
        _ siteLocation: [String: Int]
    ) -> [[KeptCall]] {
        var kept = routes.map { _ in [KeptCall]() }
        for visit in continuation?.kept ?? [] {
            guard let r = routes.firstIndex(where: { $0.id == visit.route }),
                let placement = catalog.placement(ofVehicle: visit.vehicle),
                let location = siteLocation[placement.site.id], let start = clocks[r].minute(of: visit.start)
            else { continue }
            kept[r].append(
                KeptCall(
                    location: location, start: start, minutes: visit.minutes, vehicle: visit.vehicle,
                    client: placement.site.clientID, purpose: visit.purpose))
        }
        return kept.map { $0.sorted { $0.start < $1.start } }
    }

    /// The kept calls the team can still make at their announced times, in order from where the published past
    /// leaves it (its base for a fresh start); a call it would reach late is dropped, with the reason, and its
    /// vehicle planned again.
    private static func reachable(
        _ kept: [[KeptCall]], routes: [Route], clocks: [WorkClock], prefixes: [RoutePrefix?], resume: [Int],
        siteLocation: [String: Int], bases: [Int], leg: (Int, Int, TravelModel) -> (km: Double, minutes: Double)
    ) -> (kept: [[KeptCall]], dropped: [String: String], after: [(time: Double, driven: Double)]) {
        var dropped: [String: String] = [:]
        var after: [(time: Double, driven: Double)] = []
        let calls = routes.indices.map { r -> [KeptCall] in
            let clock = clocks[r]
            let rule =
                dailyTravel(routes[r], clock)
                ?? DailyTravel(
                    dayLength: Double(clock.dayLength), limit: Double(clock.dayLength))
            var at = prefixes[r].flatMap { $0.site }.flatMap { siteLocation[$0] } ?? bases[r]
            var time = Double(resume[r])
            var driven = prefixes[r].map { Double($0.drivenMinutes(on: clock.momentStarting(at: Int(time)).day)) } ?? 0
            defer { after.append((time, driven)) }
            return kept[r].filter { call in
                var arrival = (time: time, drivenToday: driven)
                if call.location != at {
                    arrival = rule.arrival(
                        departure: time, drivenToday: driven, duration: leg(at, call.location, routes[r].travel).minutes
                    )
                }
                guard arrival.time <= Double(call.start) else {
                    dropped[call.vehicle] = "the team can no longer reach its announced visit in time"
                    return false
                }
                let end = Double(call.start + call.minutes)
                driven = rule.day(of: arrival.time) == rule.day(of: end) ? arrival.drivenToday : 0
                (time, at) = (end, call.location)
                return true
            }
        }
        return (calls, dropped, after)
    }

    /// The first working minute a team may do something new in a re-plan from `from`: when the published past
    /// leaves it free (`prefix`), and never before `from` — the past before it is as published, and a team the
    /// plan had waiting at a site until then still waits there.
    static func resumeMinute(_ prefix: RoutePrefix?, from: CalendarDay?, on clock: WorkClock) -> Int {
        guard let from else { return 0 }
        let first = clock.days.firstIndex { $0 >= from }.map { $0 * clock.dayLength } ?? clock.horizon
        return max(first, prefix.map { clock.minute(atOrAfter: $0.readyAt) } ?? 0)
    }

    /// The route's daily driving limit on its clock, `nil` when only the work hours limit driving.
    static func dailyTravel(_ route: Route, _ clock: WorkClock) -> DailyTravel? {
        let limit = route.maxDriveHours.map { Double(Int(($0 * 60).rounded())) }
        return limit.flatMap {
            $0 < Double(clock.dayLength) ? DailyTravel(dayLength: Double(clock.dayLength), limit: $0) : nil
        }
    }

    /// What a working minute out costs, in km: the engine counts distance in km and weighs time against it.
    ///
    /// A working day costs `per-day`, and `per-night-away` for each calendar day per working day (7 nights a
    /// week over the line's workdays: an approximation, since the engine counts working time only).
    static func kmPerWorkingMinute(_ rates: CostRates, route: Route, clock: WorkClock) -> Double {
        guard clock.dayLength > 0 else { return 0 }
        let nightsPerWorkday = 7 / Double(max(1, route.workdays.count))
        let perDay = rates.perDay + rates.perNightAway * nightsPerWorkday
        return perDay / max(rates.perKm, 0.01) / Double(clock.dayLength)
    }

    /// Road km and whole drive minutes between two locations: measured when the distance table lists
    /// the pair, else great-circle km × circuity at the model's speed.
    static func leg(
        _ from: (point: GeoPoint, place: Place), _ to: (point: GeoPoint, place: Place), _ model: TravelModel,
        _ distances: DistanceTable
    ) -> (km: Double, minutes: Double) {
        if let measured = distances.entry(from: from.place.name, to: to.place.name) {
            return (measured.km, measured.minutes)
        }
        let km = model.roadKm(from: from.point, to: to.point)
        return (km, model.driveMinutes(roadKm: km).rounded(.up))
    }

    /// The leg between two locations of this model under `model`.
    func leg(_ from: Int, _ to: Int, _ model: TravelModel) -> (km: Double, minutes: Double) {
        TourModel.leg(locations[from], locations[to], model, distances)
    }

    /// The days a job may take place: none before a repair is done, and only its kept day when it is pinned.
    struct JobDays {
        /// The route that must take the job: its client's sites stay with one team.
        var route: Int?
        var notBefore: CalendarDay?
        var pinned: (route: Int, day: CalendarDay)?

        func allows(_ window: TimeWindow, on route: Int, _ clock: WorkClock) -> Bool {
            let day = clock.momentStarting(at: Int(window.start)).day
            if let notBefore, day < notBefore { return false }
            guard let pinned else { return true }
            return pinned.route == route && pinned.day == day
        }
    }

    private static func buildProblem(
        routes: [Route], teams: [Team], clocks: [WorkClock], jobs: [Catalog.VehiclePlacement],
        serviceMinutes: [[Int]], locations: [(point: GeoPoint, place: Place)], siteLocation: [String: Int],
        starts: (minutes: [Int], locations: [Int], bases: [Int], driven: [Double]), travelModels: [TravelModel],
        skillNames: [String],
        rebalance: Bool, measured: DistanceTable, days: [JobDays], rates: [CostRates]?, appointmentsSpent: Set<String>
    ) throws(PlanningError) -> RoutingProblem {
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
        // A team's `max-workdays` is shared among its lines by their lengths in working days.
        let workdayLimits = routes.indices.map { index -> Int? in
            guard let limit = teams[index].maxWorkdays else { return nil }
            let lines = routes.indices.filter { teams[$0].id == teams[index].id }
            let total = lines.reduce(0) { $0 + clocks[$1].days.count }
            guard total > 0 else { return limit }
            return max(1, limit * clocks[index].days.count / total)
        }
        let vehicles = routes.indices.map { index -> RoutingProblem.Vehicle in
            let route = routes[index]
            let clock = clocks[index]
            let daily = dailyTravel(route, clock)
            var vehicle = RoutingProblem.Vehicle(
                startLocation: starts.locations[index], endLocation: starts.bases[index],
                shift: TimeWindow(
                    Double(starts.minutes[index]),
                    Double(min(clock.horizon, workdayLimits[index].map { $0 * clock.dayLength } ?? clock.horizon))),
                skills: skills(teams[index].skills),
                timeCost: rates.map { TourModel.kmPerWorkingMinute($0[index], route: route, clock: clock) } ?? 0,
                timeCostPeriod: Double(clock.dayLength),
                dailyTravel: daily,
                travelProfile: travelModels.firstIndex(of: route.travel) ?? 0, clock: index)
            vehicle.travelBeforeShift = starts.driven[index]
            return vehicle
        }
        let skillSet = Set(skillNames)
        var engineJobs: [RoutingProblem.Job] = []
        for index in jobs.indices {
            let job = jobs[index]
            // Every site of a planned line has a place; a job without one would be sent to the first place.
            guard let location = siteLocation[job.site.id] else { throw .siteWithoutPlace(job.site.id) }
            // A pinned visit stays with the team it had, which may have taken it over from its own line.
            let own = days[index].pinned?.route ?? days[index].route ?? routes.firstIndex { $0.id == job.route.id } ?? 0
            // A site with an appointment stays with its own team, so that its first visit is the appointed one.
            let movable =
                rebalance && job.site.appointment == nil && days[index].pinned == nil && days[index].route == nil
            // Only the routes that may take the job need its windows on their clocks; a re-plan starts later.
            let terms = routes.indices.map { r in
                let windows =
                    movable || r == own
                    ? VisitWindows.windows(
                        for: job, minutes: serviceMinutes[index][r], on: routes[r], clocks[r],
                        appointment: appointmentsSpent.contains(job.site.id) ? nil : job.site.appointment
                    )
                    .filter { days[index].allows($0, on: r, clocks[r]) } : []
                let notBefore = Double(starts.minutes[r])
                return RoutingProblem.Terms(
                    serviceDuration: Double(serviceMinutes[index][r]),
                    windows: windows.compactMap {
                        $0.end < notBefore ? nil : TimeWindow(max($0.start, notBefore), $0.end)
                    }
                )
            }
            engineJobs.append(
                RoutingProblem.Job(
                    location: location, serviceDuration: terms[own].serviceDuration,
                    windows: terms[own].windows, skills: skills(job.vehicle.requiredSkills(among: skillSet)),
                    priority: job.vehicle.priority == .high ? .high : .normal,
                    allowedVehicles: movable ? nil : [own], termsByClock: terms))
        }
        return RoutingProblem(jobs: engineJobs, vehicles: vehicles, matrices: matrices)
    }
}

/// Why a tour cannot be turned into a routing problem at all.
public enum PlanningError: Error, CustomStringConvertible, Equatable {
    case unknownTeam(String, route: String)
    case tooManySkills(Int)
    case unknownRoute(String, suggestion: String?)
    /// A vehicle's site that no planned line has: the model could not say where to drive to inspect it.
    case siteWithoutPlace(String)

    /// What is wrong, in one line a dispatcher can act on.
    public var description: String {
        switch self {
        case .unknownTeam(let team, let route): return "route `\(route)` names unknown team `\(team)`"
        case .tooManySkills(let count): return "\(count) distinct team skills; the planner handles at most 64"
        case .unknownRoute(let route, let suggestion):
            return "unknown route `\(route)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .siteWithoutPlace(let site):
            return "site `\(site)` of a vehicle to inspect is on no planned line"
        }
    }
}
