import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// The tour for the office: per line and team the km planned and done, vehicles inspected and their
/// verdicts; the route map; the items that fail most (Pareto); clients and vehicles by sector.
///
/// "Done" km are the planned legs up to the last stop at which a vehicle has results.
public struct TourSummary {
    let context: [String: Any]
    public let contentSHA256: String
    public let reportID: String
    /// One row per line and team, for `csv()`.
    let lines: [[String]]

    public init(
        plan: PlanDocument, planVersion: Int, catalog: Catalog, rows: [BoardRow], on day: CalendarDay,
        language: Language, sign: ((String) -> String?)? = nil
    ) {
        let labels = ReportLabels(language: language)
        let byVehicle = Dictionary(rows.map { ($0.vehicle, $0) }, uniquingKeysWith: { first, _ in first })
        func tally(_ vehicles: [String]) -> [Readiness: Int] {
            var counts: [Readiness: Int] = [:]
            for vehicle in vehicles { counts[byVehicle[vehicle]?.verdict.readiness ?? .notInspected, default: 0] += 1 }
            return counts
        }
        func describe(_ counts: [Readiness: Int]) -> String {
            let order: [Readiness] = [.notDeployable, .restricted, .incomplete, .deployable, .notInspected]
            return order.compactMap { readiness in
                counts[readiness].map { "\(labels(readiness.rawValue)) \(labels.number($0))" }
            }.joined(separator: " · ")
        }
        var facts: [String: Any] = ["planVersion": planVersion, "date": labels.date(day)]
        var lines: [[String]] = []
        facts["routes"] = plan.routes.map { route -> [String: Any] in
            let vehicles = route.stops.flatMap(\.visits).map(\.vehicle)
            let inspected = vehicles.filter { byVehicle[$0]?.inspected != nil }
            let lastDone = route.stops.lastIndex { stop in
                stop.visits.contains { byVehicle[$0.vehicle]?.inspected != nil }
            }
            let kmDone = lastDone.map { index in route.legs.prefix(index + 1).reduce(0) { $0 + $1.km } } ?? 0
            let counts = tally(vehicles)
            lines.append(
                [
                    route.route, route.team, String(format: "%.1f", route.totals.km), String(format: "%.1f", kmDone),
                    String(vehicles.count), String(inspected.count),
                ] + TourSummary.csvVerdicts.map { String(counts[$0, default: 0]) })
            return [
                "route": catalog.routes.first { $0.id == route.route }.map { labels.text($0.name) } ?? route.route,
                "team": catalog.team(withID: route.team).map { labels.text($0.name) } ?? route.team,
                "kmPlanned": labels.number(route.totals.km), "kmDone": labels.number(kmDone),
                "vehicles": labels.number(vehicles.count), "inspected": labels.number(inspected.count),
                "verdicts": describe(counts),
            ]
        }
        var failures: [String: Int] = [:]
        for row in rows { for finding in row.verdict.failed { failures[finding.itemID, default: 0] += 1 } }
        let total = max(1, failures.values.reduce(0, +))
        var running = 0
        let items = catalog.checklists.flatMap(\.items)
        facts["pareto"] = failures.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { id, count in
            running += count
            return [
                "id": id, "title": items.first { $0.fullID == id }.map { labels.text($0.title) } ?? id,
                "count": labels.number(count), "cumulative": "\(100 * running / total)%",
            ] as [String: Any]
        }
        let sectors = Dictionary(grouping: catalog.clients, by: \.sector)
        facts["sectors"] = sectors.keys.sorted { $0.rawValue < $1.rawValue }.map { sector -> [String: Any] in
            let clients = Set((sectors[sector] ?? []).map(\.id))
            let vehicles = catalog.placements.filter { clients.contains($0.site.clientID) }.map(\.vehicle.id)
            return [
                "sector": labels("sector-\(sector.rawValue)"), "clients": labels.number(clients.count),
                "vehicles": labels.number(vehicles.count),
                "verdicts": describe(tally(vehicles)),
            ]
        }
        self.lines = lines
        let identity = ReportIdentity(prefix: "TS", id: "plan\(planVersion)", day: day, facts: facts)
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        var context = identity.context(facts, labels: labels, sign: sign)
        // The map is drawn here and inserted as markup: every text in it is escaped by `RouteMap`.
        context["map"] = RouteMap(plan: plan, catalog: catalog, language: language).svg()
        self.context = context
    }

    /// The verdict columns of `csv()`, in this order.
    private static let csvVerdicts: [Readiness] = [
        .deployable, .restricted, .notDeployable, .incomplete, .notInspected,
    ]

    /// One row per line and team: ids, km planned and done (one decimal, no grouping), vehicles planned and
    /// inspected, and how many of them have each verdict.
    public func csv() -> String {
        let header =
            ["route", "team", "km_planned", "km_done", "vehicles", "inspected"]
            + TourSummary.csvVerdicts.map { $0.rawValue.lowercased() }
        return CSVField.document([header] + lines)
    }

    public func html() throws -> String {
        try ReportTemplates.shared.render(context, template: "tour-summary")
    }
}
