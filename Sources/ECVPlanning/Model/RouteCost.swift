import ECVModel

/// What a line's itinerary costs: its km, working days out and nights away at the line's rates, and its idle
/// working days (out, but neither driving nor visiting).
public struct RouteCost: Sendable, Equatable {
    /// `per-km` × km + `per-day` × working days + `per-night-away` × nights, in the rates' currency.
    public var cost: Double
    /// Working days out with neither a drive nor a visit.
    public var idleDays: Int
    /// Nights between the first departure's day and the return's day.
    public var nightsAway: Int

    /// A cost of these parts.
    public init(cost: Double, idleDays: Int, nightsAway: Int) {
        self.cost = cost
        self.idleDays = idleDays
        self.nightsAway = nightsAway
    }
}

extension RoutePlan {
    /// The cost of this itinerary on `line` at `catalog`'s rates.
    public func costing(line: Route, catalog: Catalog) -> RouteCost {
        guard !stops.isEmpty else { return RouteCost(cost: 0, idleDays: 0, nightsAway: 0) }
        let days = depart.day.days(to: returnTime.day)
        // Holidays and the team's days off are not working days: never counted as idle.
        let idle = (0...max(0, days)).filter {
            switch idleReason(on: depart.day.adding(days: $0), line: line, catalog: catalog) {
            case nil, .holiday, .teamUnavailable: return false
            case .siteClosed, .appointment, .waiting: return true
            }
        }
        return RouteCost(
            cost: catalog.costRates(for: line).cost(km: km, workdays: workdays, nights: days),
            idleDays: idle.count, nightsAway: days)
    }
}

extension TourPlan {
    /// Every route with its cost; a route the catalog no longer has keeps none.
    public func costed(_ catalog: Catalog) -> TourPlan {
        var plan = self
        for index in plan.routes.indices {
            guard let line = catalog.route(withID: plan.routes[index].route) else { continue }
            plan.routes[index].cost = plan.routes[index].costing(line: line, catalog: catalog)
        }
        return plan
    }

    /// The sum of the routes' costs, `nil` when a route has none.
    public var cost: Double? {
        routes.reduce(Double?(0)) { sum, route in
            guard let sum, let cost = route.cost?.cost else { return nil }
            return sum + cost
        }
    }
}
