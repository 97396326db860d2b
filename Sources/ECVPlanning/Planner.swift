import ECVModel
import ECVRouting
import Foundation

/// Plans a tour: every route's team along its sites on the work clock, as short as the engine finds.
public struct Planner: Sendable {
    /// What to plan and how long to search.
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        /// Wall-clock limit of the search; `nil` for none.
        public var timeLimit: Duration? = .seconds(3)
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

        public init() {}
    }

    /// What the planner reports while it searches.
    public struct Progress: Sendable {
        public var elapsed: Duration
        public var bestKm: Double
        public var scheduled: Int
        public var total: Int
    }

    public let catalog: Catalog
    public var options: Options

    public init(catalog: Catalog, options: Options = Options()) {
        self.catalog = catalog
        self.options = options
    }

    /// The plan; for a re-plan, the one that moves the fewest still-fitting visits (see `RouteChoice`).
    public func plan(progress: ((Progress) -> Void)? = nil) throws(PlanningError) -> TourPlan {
        let known = catalog.routes.map(\.id)
        for route in options.routes ?? [] where !known.contains(route) {
            throw .unknownRoute(route, suggestion: Suggestion.closest(to: route, among: known))
        }
        var plan = try plan(keepingPreferredDays: false, progress: progress)
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

    private func plan(keepingPreferredDays: Bool, progress: ((Progress) -> Void)?) throws(PlanningError) -> TourPlan {
        let model = try TourModel(
            catalog: catalog, routeIDs: options.routes.map(Set.init), rebalance: options.rebalance,
            continuation: options.continuation, distances: options.distances,
            keepingPreferredDays: keepingPreferredDays, timeCosts: options.timeCosts)
        var solverOptions = Solver.Options()
        solverOptions.seed = options.seed
        solverOptions.timeLimit = options.timeLimit
        solverOptions.maxIterations = options.maxIterations
        solverOptions.maxIterationsWithoutImprovement = options.maxIterationsWithoutImprovement
        // Earliest return breaks ties between plans of equal km: one km is worth ten hours on the road.
        solverOptions.durationWeight = 1.0 / 600
        let total = model.jobs.count
        let solution = Solver(problem: model.problem, options: solverOptions).solve { step in
            progress?(
                Progress(elapsed: step.elapsed, bestKm: step.bestDistance, scheduled: step.assigned, total: total))
        }
        let reasons = UnscheduledReasons(model: model)
        var unscheduled = solution.unassigned.map { item in
            let placement = model.jobs[item.job]
            return Unscheduled(
                vehicle: placement.vehicle.id, site: placement.site.id, route: placement.route.id,
                reason: reasons.reason(for: item.job, item.reason),
                forLackOfTime: reasons.isForLackOfTime(item.job, item.reason))
        }
        // Without its appointed first visit, a site's other visits may not take place either.
        let missed = Set(
            solution.unassigned.compactMap { item in
                let placement = model.jobs[item.job]
                return VisitWindows.appointment(keptBy: placement) == nil ? nil : placement.site.id
            })
        var routesKept = solution.routes
        for index in routesKept.indices {
            let dropped = routesKept[index].jobs.indices.filter {
                missed.contains(model.jobs[routesKept[index].jobs[$0]].site.id)
            }
            for position in dropped.reversed() {
                let placement = model.jobs[routesKept[index].jobs[position]]
                unscheduled.append(
                    Unscheduled(
                        vehicle: placement.vehicle.id, site: placement.site.id, route: placement.route.id,
                        reason: UnscheduledReasons.missedAppointment(placement.site)))
                routesKept[index].jobs.remove(at: position)
                routesKept[index].starts.remove(at: position)
            }
        }
        let builder = ItineraryBuilder(model: model)
        let appointments = Dictionary(
            catalog.routes.flatMap(\.sites).compactMap { site in site.appointment.map { (site.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        let routes = model.routes.indices.map { index in
            builder.routePlan(index, routesKept.first { $0.vehicle == index && !$0.jobs.isEmpty })
                .markingAppointments(appointments)
        }
        return TourPlan(seed: options.seed, routes: routes, unscheduled: unscheduled).costed(catalog)
    }
}
