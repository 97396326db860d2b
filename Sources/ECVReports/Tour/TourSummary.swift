import ECVModel
import ECVPlanning
import Foundation

/// The tour for the office: per line and team the km planned and done, its vehicles, how many are inspected and
/// their verdicts; the vehicles not deployable or restricted by name; the route map; the items that fail most
/// (Pareto); clients and vehicles by sector.
///
/// Every count counts vehicles — a line's vehicles as the readiness board lists them, each once with its
/// latest verdict, however often the plan visits it — so the page, its CSV, the client summaries and
/// `ecv status` agree. "Done" km are the planned legs up to the last stop with a visit done (`PlanProgress`).
public struct TourSummary {
    /// What the summary shows, framed by its id and signature.
    let page: TemplateLayers<ReportStamp, TourSummaryView>
    /// SHA-256 of the summary's content, printed in it and signed.
    public let contentSHA256: String
    /// The summary's id, printed in it.
    public let reportID: String
    /// One row per line and team, for `csv()`.
    let lines: [[String]]

    /// The summary of `plan` (version `planVersion`) on `day`, from the board's `rows`; signed when `signer` can sign.
    public init(
        plan: TourPlan, planVersion: Int, catalog: Catalog, rows: [BoardRow], on day: CalendarDay,
        language: Language, signer: ReportSigner? = nil
    ) {
        let labels = ReportLabels(language: language)
        let names = CatalogNames(catalog: catalog, labels: labels)
        let progress = PlanProgress(plan: plan, rows: rows, on: day)
        let counting = VerdictCounts(labels: labels)
        var lines: [[String]] = []
        let routes = plan.routes.map { route in
            let own = rows.filter { $0.route == route.route }
            let inspected = own.filter { $0.inspected != nil }.count
            let kmDone = progress.kmDone(route)
            let counts = VerdictCounts.tally(own)
            lines.append(
                [
                    route.route, route.team, String(format: "%.1f", PlanDocument.tenths(route.km)),
                    String(format: "%.1f", kmDone),
                    String(own.count), String(inspected),
                ] + TourSummary.csvVerdicts.map { String(counts[$0, default: 0]) })
            return TourSummaryView.Line(
                route: catalog.route(withID: route.route).map { labels.text($0.name) } ?? route.route,
                team: catalog.team(withID: route.team).map { labels.text($0.name) } ?? route.team,
                kmPlanned: labels.number(PlanDocument.tenths(route.km)), kmDone: labels.number(kmDone),
                vehicles: labels.number(own.count), inspected: labels.number(inspected),
                verdicts: counting.describe(counts))
        }
        let grounded = rows.filter { [.notDeployable, .restricted].contains($0.verdict.readiness) }
        let groundedRows = grounded.map { row in
            let items = catalog.placement(ofVehicle: row.vehicle).map { catalog.items(applyingTo: $0.vehicle) } ?? []
            return TourSummaryView.Grounded(
                vehicle: row.vehicle, code: row.verdict.readiness.rawValue,
                verdict: labels(row.verdict.readiness.rawValue),
                client: catalog.client(withID: row.client).map { labels.text($0.name) } ?? row.client,
                failed: row.verdict.failed.map { names.item($0.itemID, in: items) }.joined(separator: "; "),
                recheck: progress.nextVisit(of: row.vehicle).map(labels.date) ?? labels("notPlanned"))
        }
        var failures: [String: Int] = [:]
        for row in rows { for finding in row.verdict.failed { failures[finding.itemID, default: 0] += 1 } }
        let total = max(1, failures.values.reduce(0, +))
        var running = 0
        let items = catalog.checklists.flatMap(\.items)
        let pareto = failures.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { id, count in
            running += count
            return TourSummaryView.ParetoItem(
                id: id, title: names.item(id, in: items), count: labels.number(count),
                // Rounded, not truncated: 1 of 6 is 17 %, 4 of 6 is 67 %.
                cumulative: "\(Int((100 * Double(running) / Double(total)).rounded()))%")
        }
        let sectors = Dictionary(grouping: catalog.clients, by: \.sector)
        let sectorRows = sectors.keys.sorted { $0.rawValue < $1.rawValue }.map { sector in
            let clients = Set((sectors[sector] ?? []).map(\.id))
            let own = rows.filter { clients.contains($0.client) }
            return TourSummaryView.Sector(
                sector: labels("sector-\(sector.rawValue)"), clients: labels.number(clients.count),
                vehicles: labels.number(own.count), verdicts: counting.describe(VerdictCounts.tally(own)))
        }
        self.lines = lines
        let identity = ReportIdentity(
            prefix: "TS", id: "plan\(planVersion)", day: day,
            facts: [
                "planVersion": .number(planVersion), "day": .text(day.description),
                "board": ReportIdentity.facts(of: rows),
            ])
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        let view = TourSummaryView(
            planVersion: planVersion, date: labels.date(day), routes: routes, grounded: groundedRows,
            hasGrounded: !groundedRows.isEmpty, pareto: Array(pareto), sectors: sectorRows,
            map: RouteMap(plan: plan, catalog: catalog, language: language).svg())
        page = identity.page(view, labels: labels, signer: signer)
    }

    /// The verdict columns of `csv()`, in this order.
    private static let csvVerdicts: [Readiness] = [
        .deployable, .restricted, .notDeployable, .incomplete, .notInspected,
    ]

    /// One row per line and team: ids, km planned and done (one decimal, no grouping), the line's vehicles,
    /// how many are inspected, and how many have each verdict.
    public func csv() -> String {
        let header =
            ["route", "team", "km_planned", "km_done", "vehicles", "inspected"]
            + TourSummary.csvVerdicts.map { $0.rawValue.lowercased() }
        return CSVField.document([header] + lines)
    }

    /// The summary as an HTML document.
    public func html() throws -> String {
        try ReportTemplates.shared.render(page, template: "tour-summary")
    }
}

/// What the `tour-summary` template shows, in its terms; every text but the map is escaped by the template.
struct TourSummaryView: Encodable {
    /// One line and team: km planned and done, its vehicles, how many are inspected and their verdicts.
    struct Line: Encodable {
        let route: String
        let team: String
        let kmPlanned: String
        let kmDone: String
        let vehicles: String
        let inspected: String
        let verdicts: String
    }

    /// A vehicle not deployable or restricted, with its failed items and its next visit.
    struct Grounded: Encodable {
        let vehicle: String
        let code: String
        let verdict: String
        let client: String
        let failed: String
        let recheck: String
    }

    /// One of the items that fail most, with the running share of all failures.
    struct ParetoItem: Encodable {
        let id: String
        let title: String
        let count: String
        let cumulative: String
    }

    /// One sector: its clients, vehicles and their verdicts.
    struct Sector: Encodable {
        let sector: String
        let clients: String
        let vehicles: String
        let verdicts: String
    }

    let planVersion: Int
    let date: String
    let routes: [Line]
    let grounded: [Grounded]
    let hasGrounded: Bool
    let pareto: [ParetoItem]
    let sectors: [Sector]
    /// The route map as SVG markup, inserted unescaped: every text in it is escaped by `RouteMap`.
    let map: String
}
