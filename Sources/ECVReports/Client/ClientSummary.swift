import ECVModel
import ECVPlanning
import Foundation

/// One client's fleet: verdict counts as a bar chart, and each of its vehicles with its verdict and open
/// failures, and when the plan visits next each vehicle not yet deployable — nothing of any other client.
///
/// Counts are of vehicles: the board has one row per vehicle with its latest verdict.
public struct ClientSummary {
    /// What the summary shows, framed by its id and signature.
    let page: TemplateLayers<ReportStamp, ClientSummaryView>
    /// SHA-256 of the summary's content, printed in it and signed.
    public let contentSHA256: String
    /// The summary's id, printed in it.
    public let reportID: String

    /// `rows` are the readiness board narrowed to the client; `plan` the plan followed, for the next visits.
    public init(
        client: Client, catalog: Catalog, rows: [BoardRow], plan: TourPlan? = nil, on day: CalendarDay,
        language: Language, signer: ReportSigner? = nil
    ) {
        let labels = ReportLabels(language: language)
        let names = CatalogNames(catalog: catalog, labels: labels)
        let own = rows.filter { $0.client == client.id }
        let progress = PlanProgress(plan: plan, rows: own, on: day)
        let order: [(Readiness, String)] = [
            (.notDeployable, "#cf222e"), (.restricted, "#bf8700"), (.incomplete, "#d4a72c"),
            (.notInspected, "#8c959f"), (.deployable, "#1a7f37"),
        ]
        let counts = order.map { readiness, _ in own.filter { $0.verdict.readiness == readiness }.count }
        let most = max(1, counts.max() ?? 1)
        let bars = order.enumerated().map { index, entry in
            let count = counts[index]
            let height = 130 * count / most
            return ClientSummaryView.Bar(
                x: 10 + index * 100, y: 140 - height, height: height, code: entry.0.rawValue, color: entry.1,
                labelX: 50 + index * 100, countY: 136 - height, count: count,
                // Both languages take a line each: side by side, neighbouring labels ran into each other.
                lines: labels.lines(entry.0.rawValue).enumerated().map { line, text in
                    ClientSummaryView.Bar.Line(text: text, y: 156 + line * 12)
                })
        }
        let vehicles = own.map { row in
            let placement = catalog.placement(ofVehicle: row.vehicle)
            let items = placement.map { catalog.items(applyingTo: $0.vehicle) } ?? []
            let failures = row.verdict.failed.map { finding in
                names.item(finding.itemID, in: items) + " (\(labels(finding.severity.rawValue)))"
            }
            let next =
                row.verdict.readiness == .deployable
                ? "" : progress.nextVisit(of: row.vehicle).map(labels.date) ?? labels("notPlanned")
            return ClientSummaryView.Row(
                vehicle: row.vehicle, model: placement?.vehicle.model ?? "",
                site: placement.flatMap { ($0.site.address ?? $0.site.city).map(labels.text) } ?? row.site,
                code: row.verdict.readiness.rawValue, verdict: labels(row.verdict.readiness.rawValue),
                failures: failures.joined(separator: "; "),
                inspected: row.inspected.flatMap(ISOTime.calendarDay).map(labels.date) ?? "–", next: next)
        }
        let view = ClientSummaryView(
            client: labels.text(client.name), date: labels.date(day), total: labels.number(own.count), bars: bars,
            rows: vehicles)
        let identity = ReportIdentity(
            prefix: "CS", id: client.id, day: day,
            facts: ["client": .text(client.id), "day": .text(day.description), "board": ReportIdentity.facts(of: own)])
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        page = identity.page(view, labels: labels, signer: signer)
    }

    /// The summary as an HTML document.
    public func html() throws -> String {
        try ReportTemplates.shared.render(page, template: "client-summary")
    }
}

/// What the `client-summary` template shows, in its terms; every text is escaped by the template.
struct ClientSummaryView: Encodable {
    /// One verdict's bar of the chart, in SVG units, with its label one line per language.
    struct Bar: Encodable {
        /// One line of a bar's label.
        struct Line: Encodable {
            let text: String
            let y: Int
        }

        let x: Int
        let y: Int
        let height: Int
        let code: String
        let color: String
        let labelX: Int
        let countY: Int
        let count: Int
        let lines: [Line]
    }

    /// One vehicle of the client: its verdict, open failures, last inspection and next visit.
    struct Row: Encodable {
        let vehicle: String
        let model: String
        let site: String
        let code: String
        let verdict: String
        let failures: String
        let inspected: String
        let next: String
    }

    let client: String
    let date: String
    let total: String
    let bars: [Bar]
    let rows: [Row]
}
