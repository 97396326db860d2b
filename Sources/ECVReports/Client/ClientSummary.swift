import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// One client's fleet: verdict counts as a bar chart, and each of its vehicles with its verdict and open
/// failures — nothing of any other client.
public struct ClientSummary {
    let context: [String: Any]
    public let contentSHA256: String
    public let reportID: String

    /// `rows` are the readiness board narrowed to the client (`Store.board(catalog, client:)`).
    public init(
        client: Client, catalog: Catalog, rows: [BoardRow], on day: CalendarDay, language: Language,
        sign: ((String) -> String?)? = nil
    ) {
        let labels = ReportLabels(language: language)
        let own = rows.filter { $0.client == client.id }
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
                (items.first { $0.fullID == finding.itemID }.map { labels.text($0.title) } ?? finding.itemID)
                    + " (\(labels(finding.severity.rawValue)))"
            }
            return [
                "vehicle": row.vehicle, "model": placement?.vehicle.model ?? "",
                "site": placement.flatMap { ($0.site.address ?? $0.site.city).map(labels.text) } ?? row.site,
                "code": row.verdict.readiness.rawValue, "verdict": labels(row.verdict.readiness.rawValue),
                "failures": failures.joined(separator: "; "),
                "inspected": row.inspected.flatMap { CalendarDay(iso: ISOTime.day($0)) }.map(labels.date) ?? "–",
            ]
        }
        let identity = ReportIdentity(prefix: "CS", id: client.id, day: day, facts: facts)
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        context = identity.context(facts, labels: labels, sign: sign)
    }

    public func html() throws -> String {
        try ReportTemplates.shared.render(context, template: "client-summary")
    }
}
