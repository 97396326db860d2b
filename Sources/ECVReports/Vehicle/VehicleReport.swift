import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// A vehicle's inspection report for its client: verdict with reasons, subsystem lines, every item with
/// what was measured, photos, recommendations, signature block; rendered from the `vehicle-report`
/// template in the reader's language.
public struct VehicleReport {
    /// What the report shows, in the template's terms; every text is escaped by the template.
    let context: [String: Any]
    /// SHA-256 of what the report says (its facts, not its layout), shown in its footer.
    public let contentSHA256: String
    public let reportID: String
    /// One line per applicable item, for `csv()`.
    let lines: [[String]]
    /// Whether any inspection of the vehicle was begun: a report without one is pages of untested items.
    public let wasInspected: Bool

    /// A photo with its bytes, to embed.
    public struct Photo {
        public var record: PhotoRecord
        public var data: Data

        public init(record: PhotoRecord, data: Data) {
            self.record = record
            self.data = data
        }
    }

    public init(
        placement: Catalog.VehiclePlacement, catalog: Catalog, inspections: [InspectionRecord], history: [ItemResult],
        photos: [Photo] = [], language: Language, sign: ((String) -> String?)? = nil
    ) {
        let labels = ReportLabels(language: language)
        wasInspected = !inspections.isEmpty
        let items = catalog.items(applyingTo: placement.vehicle)
        let verdict = VerdictRules.verdict(items: items, results: history)
        var latest: [String: ItemResult] = [:]
        for result in history { latest[result.itemID] = result }
        let lastDay = inspections.last.map { CalendarDay(iso: ISOTime.day($0.startedAt)) } ?? nil
        let client = catalog.client(withID: placement.site.clientID)
        let itemTitles = Dictionary(items.map { ($0.fullID, labels.text($0.title)) }, uniquingKeysWith: { a, _ in a })
        func itemTitle(_ itemID: String) -> String { itemTitles[itemID] ?? itemID }
        func subsystemTitle(_ subsystem: Subsystem) -> String {
            catalog.checklists.first { $0.subsystem == subsystem }.map { labels.text($0.title) } ?? subsystem.rawValue
        }

        var facts: [String: Any] = [
            "vehicle": ["id": placement.vehicle.id, "model": placement.vehicle.model as Any],
            "client": client.map { labels.text($0.name) } ?? placement.site.clientID,
            "site": (placement.site.address ?? placement.site.city).map(labels.text) ?? placement.site.id,
            "date": lastDay.map(labels.date) ?? "–",
            "team": catalog.team(withID: placement.route.teamID).map { labels.text($0.name) } ?? placement.route.teamID,
            "engineers": Array(Set(inspections.map(\.engineer))).sorted().joined(separator: ", "),
            "equipment": placement.vehicle.equipment.joined(separator: ", "),
        ]
        let reasons = verdict.failed.map {
            "\(itemTitle($0.itemID)) (\(labels($0.severity.rawValue)))"
        }
        facts["verdict"] = [
            "code": verdict.readiness.rawValue, "label": labels(verdict.readiness.rawValue),
            "reasons": reasons.joined(separator: "; "),
        ]
        facts["subsystems"] = verdict.subsystems.map { outcome -> [String: Any] in
            let failed = verdict.failed.filter { $0.itemID.hasPrefix(outcome.subsystem.rawValue + ".") }
            return [
                "title": subsystemTitle(outcome.subsystem),
                "verdict": labels(outcome.verdict.rawValue),
                "class": outcome.verdict == .pass ? "pass" : outcome.verdict == .fail ? "fail" : "untested",
                "failed": failed.map { itemTitle($0.itemID) }.joined(
                    separator: "; "),
            ]
        }
        facts["sections"] = verdict.subsystems.map { outcome -> [String: Any] in
            let own = items.filter { $0.subsystem == outcome.subsystem }
            // Failed items first, then in checklist order.
            let ordered =
                own.filter { latest[$0.fullID]?.status == .fail } + own.filter { latest[$0.fullID]?.status != .fail }
            let sectionPhotos = photos.filter { photo in own.contains { $0.fullID == photo.record.itemID } }
            return [
                "title": subsystemTitle(outcome.subsystem),
                "items": ordered.map { VehicleReport.row($0, latest[$0.fullID], labels) },
                "hasPhotos": !sectionPhotos.isEmpty,
                "photos": sectionPhotos.map { photo in
                    [
                        "src": "data:\(photo.record.contentType);base64,\(photo.data.base64EncodedString())",
                        "caption": itemTitle(photo.record.itemID),
                    ]
                },
            ]
        }
        var recommendations: [String] = []
        for severity in Severity.allCases {
            let failed = verdict.failed.filter { $0.severity == severity }
            guard !failed.isEmpty else { continue }
            recommendations.append(
                labels("fix-\(severity.rawValue)")
                    + failed.map { itemTitle($0.itemID) }.joined(separator: "; "))
        }
        if !verdict.untested.isEmpty {
            recommendations.append(
                labels("untested-items")
                    + verdict.untested.map { itemTitle($0.itemID) }
                    .joined(separator: "; "))
        }
        facts["recommendations"] = recommendations
        facts["hasRecommendations"] = !recommendations.isEmpty

        lines = items.map { item in
            let result = latest[item.fullID]
            var unit = ""
            var limits = ""
            if case .measure(let measureUnit, let bounds) = item.kind {
                unit = measureUnit
                limits = bounds.description
            }
            return [
                placement.vehicle.id, placement.site.clientID, item.subsystem.rawValue, item.fullID,
                labels.text(item.title), item.severity.rawValue, (result?.status ?? .untested).rawValue,
                result?.value.map { Limits.format($0) } ?? result?.choice ?? result?.text ?? "", unit, limits,
                result?.note ?? "",
            ]
        }
        let identity = ReportIdentity(prefix: "VR", id: placement.vehicle.id, day: lastDay, facts: facts)
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        context = identity.context(facts, labels: labels, sign: sign)
    }

    /// The report of what `store` holds for the vehicle: its inspections, results and photos.
    public static func from(
        _ store: Store, placement: Catalog.VehiclePlacement, catalog: Catalog, language: Language,
        sign: ((String) -> String?)? = nil
    ) throws(StoreError) -> VehicleReport {
        let id = placement.vehicle.id
        var photos: [Photo] = []
        for record in try store.photos(ofVehicle: id) {
            if let (record, data) = try store.photo(record.id) { photos.append(Photo(record: record, data: data)) }
        }
        return VehicleReport(
            placement: placement, catalog: catalog, inspections: try store.inspections(ofVehicle: id),
            history: try store.results(ofVehicle: id), photos: photos, language: language, sign: sign)
    }

    /// The results as CSV, one row per applicable item (untested ones too), in checklist order.
    public func csv() -> String {
        let header = [
            "vehicle", "client", "subsystem", "item", "title", "severity", "status", "value", "unit", "limits", "note",
        ]
        return CSVField.document([header] + lines)
    }

    /// The report as an HTML document.
    public func html() throws -> String {
        try ReportTemplates.shared.render(context, template: "vehicle-report")
    }

    private static func row(_ item: ChecklistItem, _ result: ItemResult?, _ labels: ReportLabels) -> [String: Any] {
        var value = "–"
        var limits = ""
        if case .measure(let unit, let bounds) = item.kind {
            limits = "\(bounds) \(unit)"
            if let measured = result?.value { value = "\(Limits.format(measured)) \(unit)" }
        } else if let answer = result?.choice ?? result?.text {
            value = answer
        }
        let status = result?.status ?? .untested
        return [
            "title": labels.text(item.title), "id": item.fullID, "severity": labels(item.severity.rawValue),
            "method": item.method.map(labels.text) ?? "", "value": value, "limits": limits,
            "status": status == .na ? "pass" : status.rawValue, "result": labels(status.rawValue),
            "note": result?.note ?? "",
        ]
    }
}
