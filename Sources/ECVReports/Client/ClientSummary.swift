import ECVModel
import ECVPlanning
import Foundation

/// One client's fleet: verdict counts as a bar chart, and each of its vehicles with its verdict and open
/// failures, and when the plan visits next each vehicle not yet deployable — nothing of any other client.
///
/// Counts are of vehicles: the board has one row per vehicle with its latest verdict.
public struct ClientSummary {
    let context: [String: Any]
    public let contentSHA256: String
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
        var facts: [String: Any] = [
            "client": labels.text(client.name), "date": labels.date(day), "total": labels.number(own.count),
        ]
        let order: [(Readiness, String)] = [
            (.notDeployable, "#cf222e"), (.restricted, "#bf8700"), (.incomplete, "#d4a72c"),
            (.notInspected, "#8c959f"), (.deployable, "#1a7f37"),
        ]
        let counts = order.map { readiness, _ in own.filter { $0.verdict.readiness == readiness }.count }
        let most = max(1, counts.max() ?? 1)
        facts["bars"] = order.enumerated().map { index, entry -> [String: Any] in
            let count = counts[index]
            let height = 130 * count / most
            return [
                "x": 10 + index * 100, "y": 140 - height, "height": height, "code": entry.0.rawValue, "color": entry.1,
                "labelX": 50 + index * 100, "countY": 136 - height, "count": count, "label": labels(entry.0.rawValue),
            ]
        }
        facts["rows"] = own.map { row -> [String: Any] in
            let placement = catalog.placement(ofVehicle: row.vehicle)
            let items = placement.map { catalog.items(applyingTo: $0.vehicle) } ?? []
            let failures = row.verdict.failed.map { finding in
                names.item(finding.itemID, in: items) + " (\(labels(finding.severity.rawValue)))"
            }
            let next =
                row.verdict.readiness == .deployable
                ? "" : progress.nextVisit(of: row.vehicle).map(labels.date) ?? labels("notPlanned")
            return [
                "vehicle": row.vehicle, "model": placement?.vehicle.model ?? "",
                "site": placement.flatMap { ($0.site.address ?? $0.site.city).map(labels.text) } ?? row.site,
                "code": row.verdict.readiness.rawValue, "verdict": labels(row.verdict.readiness.rawValue),
                "failures": failures.joined(separator: "; "),
                "inspected": row.inspected.flatMap(ISOTime.calendarDay).map(labels.date) ?? "–",
                "next": next,
            ]
        }
        let identity = ReportIdentity(
            prefix: "CS", id: client.id, day: day,
            facts: ["client": .text(client.id), "day": .text(day.description), "board": ReportIdentity.facts(of: own)])
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        context = identity.context(facts, labels: labels, signer: signer)
    }

    public func html() throws -> String {
        try ReportTemplates.shared.render(context, template: "client-summary")
    }
}
