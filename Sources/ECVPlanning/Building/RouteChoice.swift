import ECVModel
import Foundation

/// How a re-plan keeps announced visits where they were: moving one has a price.
///
/// The planner makes two plans: one that keeps each preferred visit on its day with its team, and one free
/// to move everything. A line takes the free plan only when that schedules more vehicles (high priority
/// first), or when it saves more than `per-moved-visit` for each announced visit it moves; otherwise it keeps
/// its visits. With `--rebalance` lines share vehicles, so the choice is made for the whole tour. Every visit
/// that moves gets its reason in `TourPlan.reasons` and the line's net saving in `TourPlan.savings`.
struct RouteChoice {
    let catalog: Catalog
    let continuation: Continuation
    let rebalance: Bool

    func choose(keeping kept: TourPlan, free: TourPlan) -> TourPlan {
        var plan = kept
        var reasons = continuation.displaced.merging(kept.reasons.merging(free.reasons) { first, _ in first }) {
            first, _ in first
        }
        var savings: [String: Double] = [:]
        if rebalance {
            if let why = reason(toTake: free.routes, over: kept.routes, free, kept) {
                plan = free
                for vehicle in moved(in: free.routes) where reasons[vehicle] == nil {
                    reasons[vehicle] = why.text
                    savings[vehicle] = why.saving
                }
            }
        } else {
            for index in kept.routes.indices where index < free.routes.count {
                let route = kept.routes[index].route
                guard let why = reason(toTake: [free.routes[index]], over: [kept.routes[index]], free, kept) else {
                    continue
                }
                plan.routes[index] = free.routes[index]
                plan.unscheduled.removeAll { $0.route == route }
                plan.unscheduled += free.unscheduled.filter { $0.route == route }
                for vehicle in moved(in: [free.routes[index]]) where reasons[vehicle] == nil {
                    reasons[vehicle] = why.text
                    savings[vehicle] = why.saving
                }
            }
        }
        let placed = { (vehicle: String) in
            plan.routes.contains { $0.stops.contains { $0.visits.contains { $0.vehicle == vehicle } } }
                || plan.unscheduled.contains { $0.vehicle == vehicle }
        }
        plan.reasons = reasons.filter { vehicle, _ in placed(vehicle) }
        plan.savings = savings.filter { vehicle, _ in placed(vehicle) }
        return plan
    }

    /// Why moving is better than keeping the announced visits on `keptRoutes`, with the net saving, or `nil`
    /// when it is not: more vehicles scheduled, or a saving above the price of the visits moved.
    private func reason(
        toTake freeRoutes: [RoutePlan], over keptRoutes: [RoutePlan], _ freePlan: TourPlan, _ keptPlan: TourPlan
    ) -> (text: String, saving: Double)? {
        let ids = Set(freeRoutes.map(\.route))
        let gain = difference(score(freePlan, routes: ids), score(keptPlan, routes: ids))
        let saving = cost(keptRoutes) - cost(freeRoutes)
        if gain.high > 0 || (gain.high == 0 && gain.all > 0) {
            let vehicles = "\(gain.all) vehicle\(gain.all == 1 ? "" : "s")"
            return ("moved so that \(vehicles) fit that keeping the announced days would leave out", saving)
        }
        guard gain.high == 0, gain.all == 0 else { return nil }
        let count = moved(in: freeRoutes).count
        guard count > 0 else { return nil }
        let price = freeRoutes.reduce(0.0) { sum, route in
            let rate = catalog.route(withID: route.route).map { catalog.costRates(for: $0).perMovedVisit } ?? 0
            return sum + rate * Double(moved(in: [route]).count)
        }
        guard saving > price else { return nil }
        let km = freeRoutes.reduce(0) { $0 + $1.km } - keptRoutes.reduce(0) { $0 + $1.km }
        let days = freeRoutes.reduce(0) { $0 + $1.workdays } - keptRoutes.reduce(0) { $0 + $1.workdays }
        return (
            "moved to save \(Self.money(saving - price)) net: \(Self.signed(km, "km")), "
                + "\(Self.signed(Double(days), "working days")) against keeping the announced days, "
                + "\(count) visit\(count == 1 ? "" : "s") moved at \(Self.money(price / Double(count))) each",
            saving - price
        )
    }

    private static func money(_ value: Double) -> String { String(format: "%.0f", value) }

    private static func signed(_ value: Double, _ unit: String) -> String {
        let text = unit == "km" ? String(format: "%+.1f", value) : String(format: "%+.0f", value)
        return "\(text) \(unit)"
    }

    private func cost(_ routes: [RoutePlan]) -> Double {
        routes.reduce(0) { $0 + ($1.cost?.cost ?? $1.km) }
    }

    private func difference(_ a: (high: Int, all: Int), _ b: (high: Int, all: Int)) -> (high: Int, all: Int) {
        (a.high - b.high, a.all - b.all)
    }

    /// Vehicles scheduled on `routes`, each once: high priority and all.
    private func score(_ plan: TourPlan, routes: Set<String>) -> (high: Int, all: Int) {
        var only = plan
        only.routes = plan.routes.filter { routes.contains($0.route) }
        let vehicles = only.scheduledVehicles
        let high = vehicles.filter { catalog.placement(ofVehicle: $0)?.vehicle.priority == .high }.count
        return (high, vehicles.count)
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
