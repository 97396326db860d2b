import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation

/// Plans each tour twice, by road km alone and by cost, and prints vehicles, km, working days, idle days and
/// cost of both, with the totals over the 20 generated tours.
struct ObjectiveComparison {
    let folder: TemporaryFolder

    struct Outcome {
        var vehicles = 0
        var km = 0.0
        var workdays = 0
        var idle = 0
        var cost = 0.0

        static func + (lhs: Outcome, rhs: Outcome) -> Outcome {
            Outcome(
                vehicles: lhs.vehicles + rhs.vehicles, km: lhs.km + rhs.km, workdays: lhs.workdays + rhs.workdays,
                idle: lhs.idle + rhs.idle, cost: lhs.cost + rhs.cost)
        }
    }

    static func outcome(_ catalog: Catalog, timeCosts: Bool) throws -> Outcome {
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 6_000
        options.maxIterationsWithoutImprovement = 6_000
        options.timeCosts = timeCosts
        let plan = try Planner(catalog: catalog, options: options).plan()
        return Outcome(
            vehicles: plan.vehicleCount, km: plan.km, workdays: plan.routes.reduce(0) { $0 + $1.workdays },
            idle: plan.routes.reduce(0) { $0 + ($1.cost?.idleDays ?? 0) }, cost: plan.cost ?? 0)
    }

    func row(_ name: String, _ km: Outcome, _ cost: Outcome) -> String {
        String(
            format: "| %@ | %d → %d | %.0f → %.0f (%+.1f %%) | %d → %d | %d → %d | %.0f → %.0f (%+.1f %%) |", name,
            km.vehicles, cost.vehicles, km.km, cost.km, (cost.km / max(km.km, 1) - 1) * 100, km.workdays,
            cost.workdays, km.idle, cost.idle, km.cost, cost.cost, (cost.cost / max(km.cost, 1) - 1) * 100)
    }

    func table() throws -> String {
        var lines = [
            "Objective: road km alone → cost (per-km 1.5, per-day 2000), 6,000 iterations, seed 1",
            "| tour | vehicles | km | working days | idle days | cost |", "|---|---|---|---|---|---|",
        ]
        let sample = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        lines.append(
            row("sample", try Self.outcome(sample, timeCosts: false), try Self.outcome(sample, timeCosts: true)))
        var totalKm = Outcome()
        var totalCost = Outcome()
        var worse = 0
        for seed in 1...20 {
            let root = folder.url.appendingPathComponent("objective-\(seed)")
            try CatalogGenerator(teams: 4, sitesPerRoute: 8, vehiclesPerSite: 2, days: 40, seed: UInt64(seed)).write(
                to: root, checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))
            let catalog = CatalogLoader.load(root: root).catalog
            let km = try Self.outcome(catalog, timeCosts: false)
            let cost = try Self.outcome(catalog, timeCosts: true)
            if cost.cost >= km.cost || cost.vehicles < km.vehicles { worse += 1 }
            lines.append(row("generated \(seed)", km, cost))
            totalKm = totalKm + km
            totalCost = totalCost + cost
        }
        lines.append(row("**20 generated, in all**", totalKm, totalCost))
        lines.append("generated tours where cost is not lower or fewer vehicles are scheduled: \(worse) of 20")
        return lines.joined(separator: "\n")
    }
}

/// The sample planned and published, one site closed on the day of its first visit, then re-planned: how
/// many visits move, on its line and on the others.
struct ClosureReplan {
    func table() throws -> String {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 6_000
        let first = try Planner(catalog: catalog, options: options).plan()
        guard let route = first.routes.first(where: { $0.route == "north-china" }),
            let stop = route.stops.dropFirst(3).first,
            let visit = stop.visits.first,
            let r = catalog.routes.firstIndex(where: { $0.id == route.route }),
            let s = catalog.routes[r].sites.firstIndex(where: { $0.id == stop.site })
        else { return "closure: no visit to close" }
        var closed = catalog
        closed.routes[r].sites[s].unavailable.append(visit.start.day)
        options.continuation = Continuation(
            previous: first, from: catalog.routes.map(\.start).min() ?? visit.start.day, verdicts: [:], catalog: closed)
        let next = try Planner(catalog: closed, options: options).plan()
        let diff = PlanDiff(from: first, to: next)
        let moved = diff.changes.filter { $0.kind != .added }
        let own = moved.filter { $0.before?.route == route.route }.count
        return "One-day closure of \(stop.site) on \(visit.start.day), re-planned: \(moved.count) visits moved "
            + "(\(own) on \(route.route), \(moved.count - own) on other lines), \(diff.unchanged) unchanged"
    }
}
