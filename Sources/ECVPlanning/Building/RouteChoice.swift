import ECVModel

/// How a re-plan keeps still-fitting visits where they were: the minimal-disruption rule.
///
/// The planner makes two plans: one that keeps each preferred visit on its day with its team, and one free
/// to move everything. A line takes the free plan only when that schedules more vehicles (high priority
/// first) or brings its team home at least one working day earlier; otherwise it keeps its visits. With
/// `--rebalance` lines share vehicles, so the choice is made for the whole tour, on vehicles scheduled.
/// Every visit that moves gets the reason in `TourPlan.reasons`.
struct RouteChoice {
    let catalog: Catalog
    let continuation: Continuation
    let rebalance: Bool

    func choose(keeping kept: TourPlan, free: TourPlan) -> TourPlan {
        var plan = kept
        var reasons = continuation.displaced
        if rebalance {
            let gain = difference(score(free, route: nil), score(kept, route: nil))
            if gain.high > 0 || (gain.high == 0 && gain.all > 0) {
                plan = free
                for vehicle in moved(in: free.routes) where reasons[vehicle] == nil {
                    reasons[vehicle] = "moved so that \(gain.all) more vehicle\(gain.all == 1 ? "" : "s") fit the tour"
                }
            }
        } else {
            for index in kept.routes.indices where index < free.routes.count {
                let route = kept.routes[index].route
                guard let why = reason(toTake: free.routes[index], over: kept.routes[index], free, kept) else {
                    continue
                }
                plan.routes[index] = free.routes[index]
                plan.unscheduled.removeAll { $0.route == route }
                plan.unscheduled += free.unscheduled.filter { $0.route == route }
                for vehicle in moved(in: [free.routes[index]]) where reasons[vehicle] == nil {
                    reasons[vehicle] = why
                }
            }
        }
        plan.reasons = reasons.filter { vehicle, _ in
            plan.routes.contains { $0.stops.contains { $0.visits.contains { $0.vehicle == vehicle } } }
                || plan.unscheduled.contains { $0.vehicle == vehicle }
        }
        return plan
    }

    /// Why the free route is better than the kept one, or `nil` when it is not.
    private func reason(toTake free: RoutePlan, over kept: RoutePlan, _ freePlan: TourPlan, _ keptPlan: TourPlan)
        -> String?
    {
        let gain = difference(score(freePlan, route: free.route), score(keptPlan, route: kept.route))
        if gain.high > 0 || (gain.high == 0 && gain.all > 0) {
            return "moved so that \(gain.all) more vehicle\(gain.all == 1 ? "" : "s") fit on \(free.route)"
        }
        guard gain.high == 0, gain.all == 0, !free.stops.isEmpty, !kept.stops.isEmpty,
            let line = catalog.route(withID: free.route)
        else { return nil }
        let clock = WorkClock(route: line)
        guard let freeDay = clock.index(of: free.returnTime.day), let keptDay = clock.index(of: kept.returnTime.day),
            freeDay < keptDay
        else { return nil }
        return "moved so that \(free.route) returns on \(free.returnTime.day) instead of \(kept.returnTime.day)"
    }

    private func difference(_ a: (high: Int, all: Int), _ b: (high: Int, all: Int)) -> (high: Int, all: Int) {
        (a.high - b.high, a.all - b.all)
    }

    /// Vehicles scheduled: high priority and all, on one route or the whole plan.
    private func score(_ plan: TourPlan, route: String?) -> (high: Int, all: Int) {
        let visits = plan.routes.filter { route == nil || $0.route == route }.flatMap(\.stops).flatMap(\.visits)
        let high = visits.filter { catalog.placement(ofVehicle: $0.vehicle)?.vehicle.priority == .high }.count
        return (high, visits.count)
    }

    /// Vehicles whose visit in `routes` is not on the day and with the team the previous plan had.
    private func moved(in routes: [RoutePlan]) -> [String] {
        routes.flatMap { route in
            route.stops.flatMap(\.visits).compactMap { visit in
                guard let was = continuation.preferred[visit.vehicle] else { return nil }
                return was.route == route.route && was.day == visit.start.day ? nil : visit.vehicle
            }
        }
    }
}
