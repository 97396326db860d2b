import ECVModel
import ECVRouting
import Foundation

/// Plans a tour: every route's team along its sites on the work clock, as short as the engine finds.
public struct Planner: Sendable {
    /// What to plan and how long to search.
    public struct Options: Sendable {
        /// Seeds the search: with one thread and no time limit, one seed gives one plan.
        public var seed: UInt64 = 1
        /// Searches at once (see `Solver.Options.threads`); 1 repeats a plan for a seed on any machine.
        public var threads = 1
        /// Wall-clock limit of the whole planning — every search, the re-plan's second plan and the capacity
        /// advice; `nil` for none (then the searches run to their iteration counts and plans are repeatable).
        public var timeLimit: Duration? = .seconds(3)
        /// When planning must be done; the advice's trial plans share it.
        ///
        /// Without one, `timeLimit` from when planning starts. A caller that spends part of the limit around
        /// planning sets it: `ecv plan` counts from its own start (reading the files) and keeps back the time
        /// writing the plan will take.
        public var deadline: ContinuousClock.Instant?
        /// Iterations of each search at most.
        public var maxIterations: Int = 20_000
        /// Stop early when this many iterations bring no better plan.
        public var maxIterationsWithoutImprovement: Int = 5_000
        /// Only these routes; `nil` for all.
        public var routes: [String]?
        /// Let any team visit any site when that schedules more vehicles or saves distance.
        public var rebalance = false
        /// For a re-plan: the visits that stay, the vehicles done, and the day from which to plan the rest.
        public var continuation: Continuation?
        /// Measured legs that replace the great-circle model for the pairs they list.
        public var distances = DistanceTable()
        /// Weigh working days and nights away by each line's rates beside road km (the objective of
        /// DESIGN.md); `false` plans by road km alone.
        public var timeCosts = true
        /// For each line with vehicles left out for lack of time, search the end date that would fit them.
        public var advice = true
        /// With `rebalance`, let one client's sites go to several teams; otherwise a client stays with one.
        public var splitClients = false

        /// The defaults: seed 1, one thread, three seconds, every route, time costs and advice on.
        public init() {}
    }

    /// What the planner reports while it searches.
    public struct Progress: Sendable {
        /// Time since planning started.
        public var elapsed: Duration
        /// Road km of the best plan so far.
        public var bestKm: Double
        /// The search's best cost at the lines' rates, as the objective weighs it (km, working days and nights
        /// out); an estimate where lines drive at different `per-km` rates.
        public var bestCost: Double
        /// Vehicles the best plan so far schedules.
        public var scheduled: Int
        /// Vehicles to schedule.
        public var total: Int
    }

    /// The Routes/ and Checklists/ to plan.
    public let catalog: Catalog
    /// How to plan.
    public var options: Options

    /// A planner for `catalog`.
    public init(catalog: Catalog, options: Options = Options()) {
        self.catalog = catalog
        self.options = options
    }

    /// The plan; for a re-plan, the one that moves the fewest still-fitting visits (see `RouteChoice`).
    ///
    /// With a time limit, everything is done by the deadline it sets: each search gets its share of the limit
    /// (at most what is left), and the capacity advice uses what the searches leave.
    public func plan(progress: ((Progress) -> Void)? = nil) throws(PlanningError) -> TourPlan {
        let known = catalog.routes.map(\.id)
        for route in options.routes ?? [] where !known.contains(route) {
            throw .unknownRoute(route, suggestion: Suggestion.closest(to: route, among: known))
        }
        var timed = self
        if let limit = options.timeLimit, options.deadline == nil { timed.options.deadline = .now + limit }
        return try timed.planByDeadline(progress: progress)
    }

    /// The share of the time limit one search gets: the searches this plan needs share what the advice leaves.
    private var searchShare: Double {
        // A rebalance and a re-plan each search twice (see `planByDeadline`).
        let twoPlans = options.rebalance || options.continuation != nil
        return (options.advice ? 0.6 : 1.0) / (twoPlans ? 2 : 1)
    }

    /// How long one search may run: its share of the limit, never past the deadline less the search's final
    /// polish (see `Solver`) and the itineraries made from its solution (writing the plan is the caller's part of
    /// the deadline).
    var searchLimit: Duration? {
        guard let limit = options.timeLimit else { return nil }
        let share = limit * searchShare
        guard let deadline = options.deadline else { return share }
        let left = deadline - .now - min(.milliseconds(700), limit / 4)
        return max(.milliseconds(50), min(share, left))
    }

    private func planByDeadline(progress: ((Progress) -> Void)?) throws(PlanningError) -> TourPlan {
        var plan = try plan(keepingPreferredDays: false, progress: progress)
        if options.rebalance, options.continuation == nil {
            // Rebalancing searches a far larger space; a dispatcher gets it only where it does better than
            // every team keeping its own line.
            var own = self
            own.options.rebalance = false
            own.options.advice = false
            let kept = try own.plan(keepingPreferredDays: false, progress: nil)
            if Planner.rank(kept, catalog) < Planner.rank(plan, catalog) { plan = kept }
        }
        if let continuation = options.continuation,
            !continuation.preferred.isEmpty || !continuation.displaced.isEmpty
        {
            let kept = continuation.preferred.isEmpty ? plan : try self.plan(keepingPreferredDays: true, progress: nil)
            plan = RouteChoice(catalog: catalog, continuation: continuation, rebalance: options.rebalance)
                .choose(keeping: kept, free: plan)
        }
        if options.advice {
            plan.advice = try CapacityAdvisor(planner: self).advice(for: plan)
        }
        return plan
    }

    /// The mean of the lines' `per-km` rates when the engine weighs time at those rates, else 1 (km are the cost).
    private func timeCostsOrOne(_ rates: [Double]) -> Double {
        guard options.timeCosts, !rates.isEmpty else { return 1 }
        return rates.reduce(0, +) / Double(rates.count)
    }

    /// The objective of a finished plan, to compare two: high-priority vehicles left out, vehicles left out, cost.
    static func rank(_ plan: TourPlan, _ catalog: Catalog) -> (Int, Int, Double) {
        let high = plan.unscheduled.filter { catalog.placement(ofVehicle: $0.vehicle)?.vehicle.priority == .high }
        return (high.count, plan.unscheduled.count, plan.cost ?? plan.km)
    }

    /// The plan; with `rebalance` and without `splitClients`, a client whose vehicles the search spread over
    /// several teams goes whole to the team that took most of them, and the tour is searched again (three
    /// rounds at most; a client still spread then stays with its own line).
    private func plan(keepingPreferredDays: Bool, progress: ((Progress) -> Void)?) throws(PlanningError) -> TourPlan {
        guard options.rebalance, !options.splitClients else {
            return try plan(keepingPreferredDays: keepingPreferredDays, clientRoutes: [:], progress: progress)
        }
        var clientRoutes: [String: String] = [:]
        for round in 0..<4 {
            let plan = try plan(
                keepingPreferredDays: keepingPreferredDays, clientRoutes: clientRoutes, progress: progress)
            var routesOf: [String: [String: Int]] = [:]
            for route in plan.routes {
                for visit in route.stops.flatMap(\.visits) {
                    routesOf[visit.client, default: [:]][route.route, default: 0] += 1
                }
            }
            // A client the catalog itself puts on several lines may stay on them; one that moved goes whole.
            let spread = routesOf.filter { client, routes in
                let own = Set(catalog.placements.filter { $0.site.clientID == client }.map(\.route.id))
                return routes.count > 1 && !Set(routes.keys).isSubset(of: own)
            }
            guard !spread.isEmpty else { return plan }
            for (client, counts) in spread {
                let own = catalog.placements.first { $0.site.clientID == client }?.route.id
                clientRoutes[client] =
                    round == 2
                    ? own : counts.max { ($0.value, $0.key == own ? 1 : 0) < ($1.value, $1.key == own ? 1 : 0) }?.key
            }
        }
        return try plan(keepingPreferredDays: keepingPreferredDays, clientRoutes: clientRoutes, progress: progress)
    }

    private func plan(
        keepingPreferredDays: Bool, clientRoutes: [String: String], progress: ((Progress) -> Void)?
    ) throws(PlanningError) -> TourPlan {
        let model = try TourModel(
            catalog: catalog, routeIDs: options.routes.map(Set.init), rebalance: options.rebalance,
            continuation: options.continuation, distances: options.distances,
            keepingPreferredDays: keepingPreferredDays, timeCosts: options.timeCosts, clientRoutes: clientRoutes)
        var solverOptions = Solver.Options()
        solverOptions.seed = options.seed
        solverOptions.threads = options.threads
        solverOptions.timeLimit = searchLimit
        solverOptions.maxIterations = options.maxIterations
        solverOptions.maxIterationsWithoutImprovement = options.maxIterationsWithoutImprovement
        // Earliest return breaks ties between plans of equal km: one km is worth ten hours on the road.
        solverOptions.durationWeight = 1.0 / 600
        let total = model.jobs.count
        // The engine counts cost in km: the lines' mean `per-km` turns it back into money.
        let rates = model.lines.map { catalog.costRates(for: $0.route).perKm }
        let perKm = timeCostsOrOne(rates)
        let solution = Solver(problem: model.problem, options: solverOptions).solve { step in
            progress?(
                Progress(
                    elapsed: step.elapsed, bestKm: step.bestDistance, bestCost: step.bestCost * perKm,
                    scheduled: step.assigned, total: total))
        }
        let reasons = UnscheduledReasons(model: model)
        var unscheduled = solution.unassigned.map { item in
            let placement = model.jobs[item.job]
            let reason = reasons.reason(for: item.job, item.reason)
            return Unscheduled(
                vehicle: placement.vehicle.id, site: placement.site.id, route: placement.route.id,
                reason: reason.description,
                forLackOfTime: reasons.isForLackOfTime(item.job, item.reason, reason: reason),
                reasonMessage: reason.message)
        }
        // Without its appointed first visit, a site's other visits may not take place either.
        let missed = Set(
            solution.unassigned.compactMap { item in
                model.appointment(keptBy: item.job) == nil ? nil : model.jobs[item.job].site.id
            })
        var routesKept = solution.routes
        for index in routesKept.indices {
            let dropped = routesKept[index].jobs.indices.filter {
                missed.contains(model.jobs[routesKept[index].jobs[$0]].site.id)
            }
            for position in dropped.reversed() {
                let placement = model.jobs[routesKept[index].jobs[position]]
                let reason = UnscheduledReasons.missedAppointment(placement.site)
                unscheduled.append(
                    Unscheduled(
                        vehicle: placement.vehicle.id, site: placement.site.id, route: placement.route.id,
                        reason: reason.description, reasonMessage: reason.message))
                routesKept[index].jobs.remove(at: position)
                routesKept[index].starts.remove(at: position)
            }
        }
        let builder = ItineraryBuilder(model: model)
        let appointments = Dictionary(
            catalog.routes.flatMap(\.sites).compactMap { site in site.appointment.map { (site.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        let routes = model.lines.indices.map { index in
            builder.routePlan(index, routesKept.first { $0.vehicle == index && !$0.jobs.isEmpty })
                .markingAppointments(appointments)
        }
        var plan = TourPlan(seed: options.seed, routes: routes, unscheduled: unscheduled)
        plan.reasons = model.unreachable
        if let continuation = options.continuation {
            plan.from = continuation.from
            let planned = Set(model.lines.flatMap(\.route.sites).flatMap(\.vehicles).map(\.id))
            plan.done = continuation.done.filter(planned.contains).sorted()
        }
        return plan.costed(catalog)
    }
}
