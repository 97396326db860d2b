import ECVModel
import ECVPlanning
import Foundation

/// A vehicle's inspection report for its client, rendered from the `vehicle-report` template in the reader's
/// language.
///
/// Page 1 holds the verdict now with its reasons, the failures and restrictions (each with the section it is
/// detailed in and what to do), and the vehicle's season: what was found, repaired and rechecked, and the
/// previous season's verdict. Then one section per subsystem, passed items one line each, failed and untested
/// items in full with their photos.
public struct VehicleReport {
    /// What the report shows, in the template's terms, framed by its id and signature.
    let page: TemplateLayers<ReportStamp, VehicleReportView>
    /// SHA-256 of the facts the report tells (vehicle, inspections, results, plan version), the same in every
    /// language and layout; shown in its footer.
    public let contentSHA256: String
    /// `VR-<vehicle>-<day of the last inspection>-<first 8 hex of the hash>`: the same for zh, en and both.
    public let reportID: String
    /// One line per applicable item, for `csv()`.
    let lines: [[String]]
    /// Whether any inspection of the vehicle was begun: a report without one is pages of untested items.
    public let wasInspected: Bool

    /// The report of `history`; results recorded before `seasonStart` make the previous season's verdict.
    public init(
        placement: Catalog.VehiclePlacement, catalog: Catalog, history: VehicleHistory, planVersion: Int? = nil,
        seasonStart: Date? = nil, language: Language, signer: ReportSigner? = nil
    ) {
        let labels = ReportLabels(language: language)
        let names = CatalogNames(catalog: catalog, labels: labels)
        wasInspected = !history.inspections.isEmpty
        let items = catalog.items(applyingTo: placement.vehicle)
        let verdict = VerdictRules.verdict(items: items, results: history.itemResults)
        var latest: [String: ItemResult] = [:]
        for recorded in history.results { latest[recorded.result.itemID] = recorded.result }
        let lastDay = history.inspections.last.flatMap { ISOTime.calendarDay($0.startedAt) }
        let client = catalog.client(withID: placement.site.clientID)
        let season = VehicleSeason(history: history, items: items, seasonStart: seasonStart, names: names)
        // Sections are numbered in checklist order; page 1 refers to them by number.
        let sectionNumbers = Dictionary(
            verdict.subsystems.enumerated().map { ($1.subsystem, $0 + 1) }, uniquingKeysWith: { first, _ in first })

        let byID = Dictionary(items.map { ($0.fullID, $0) }, uniquingKeysWith: { first, _ in first })
        let findings = verdict.failed.sorted { $0.severity < $1.severity }.compactMap {
            finding -> VehicleReportView.Finding? in
            guard let item = byID[finding.itemID] else { return nil }
            let result = latest[finding.itemID]
            let section = sectionNumbers[item.subsystem] ?? 0
            // Only what was measured or said.
            let detail = [VehicleReport.answer(item, result), result?.note ?? ""].filter { !$0.isEmpty && $0 != "–" }
            return VehicleReportView.Finding(
                title: labels.text(item.title), id: item.fullID, severity: labels(item.severity.rawValue),
                class: item.severity.rawValue, anchor: "s\(section)", sectionLabel: labels.section(section),
                advice: labels.advice(item.severity, item.title),
                detail: detail.isEmpty ? nil : detail.joined(separator: " · "))
        }
        let subsystems = verdict.subsystems.map { outcome in
            let failed = verdict.failed.filter { byID[$0.itemID]?.subsystem == outcome.subsystem }
            let section = sectionNumbers[outcome.subsystem] ?? 0
            return VehicleReportView.SubsystemLine(
                title: names.subsystem(outcome.subsystem), verdict: labels(outcome.verdict.rawValue),
                class: outcome.verdict == .pass ? "pass" : outcome.verdict == .fail ? "fail" : "untested",
                failed: failed.compactMap { byID[$0.itemID].map { labels.text($0.title) } }.joined(separator: "; "),
                anchor: "s\(section)", sectionLabel: labels.section(section))
        }
        let sections = verdict.subsystems.map { outcome in
            let own = items.filter { $0.subsystem == outcome.subsystem }
            // Failed items first, then in checklist order.
            let ordered =
                own.filter { latest[$0.fullID]?.status == .fail } + own.filter { latest[$0.fullID]?.status != .fail }
            let sectionPhotos = history.photos.filter { photo in own.contains { $0.fullID == photo.itemID } }
            let section = sectionNumbers[outcome.subsystem] ?? 0
            return VehicleReportView.Section(
                title: names.subsystem(outcome.subsystem), anchor: "s\(section)", number: section,
                items: ordered.map { VehicleReport.row($0, latest[$0.fullID], labels) },
                hasPhotos: !sectionPhotos.isEmpty,
                photos: sectionPhotos.map { photo in
                    VehicleReportView.Photo(
                        src: "data:\(photo.contentType);base64,\(photo.data.base64EncodedString())",
                        caption: names.item(photo.itemID, in: items))
                })
        }
        var actions: [String] = []
        for severity in Severity.allCases {
            let failed = verdict.failed.filter { $0.severity == severity }
            guard !failed.isEmpty else { continue }
            actions.append(
                labels("fix-\(severity.rawValue)")
                    + failed.map { names.item($0.itemID, in: items) }.joined(separator: "; "))
        }
        if !verdict.untested.isEmpty {
            actions.append(
                labels("untested-items")
                    + verdict.untested.map { names.item($0.itemID, in: items) }.joined(separator: "; "))
        }
        let view = VehicleReportView(
            vehicle: .init(id: placement.vehicle.id, model: placement.vehicle.model),
            client: client.map { labels.text($0.name) } ?? placement.site.clientID,
            site: (placement.site.address ?? placement.site.city).map(labels.text) ?? placement.site.id,
            date: lastDay.map(labels.date) ?? "–",
            team: catalog.team(withID: placement.route.teamID).map { labels.text($0.name) } ?? placement.route.teamID,
            engineers: Array(Set(history.inspections.map(\.engineer))).filter { !$0.isEmpty }.sorted()
                .joined(separator: ", "),
            equipment: placement.vehicle.equipment.map(names.tag).joined(separator: " · "),
            verdict: .init(
                code: verdict.readiness.rawValue, label: labels(verdict.readiness.rawValue),
                explanation: labels("explain-\(verdict.readiness.rawValue)")),
            findings: findings, hasFindings: !findings.isEmpty, season: season.entries,
            hasSeason: !season.entries.isEmpty,
            previous: season.previous.map { .init(code: $0.rawValue, label: labels($0.rawValue)) },
            subsystems: subsystems, sections: sections, recommendations: actions,
            hasRecommendations: !actions.isEmpty)

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
        let identity = ReportIdentity(
            prefix: "VR", id: placement.vehicle.id, day: lastDay,
            facts: ReportIdentity.facts(of: history, vehicle: placement.vehicle.id, planVersion: planVersion))
        contentSHA256 = identity.contentSHA256
        reportID = identity.reportID
        page = identity.page(view, labels: labels, signer: signer)
    }

    /// The report of `history` against `plan`, the plan the teams follow (nil before one is published): its
    /// version is named, and its season's start tells this season's results from the previous one's.
    public init(
        placement: Catalog.VehiclePlacement, catalog: Catalog, history: VehicleHistory, plan: StoredPlan?,
        language: Language, signer: ReportSigner? = nil
    ) {
        self.init(
            placement: placement, catalog: catalog, history: history, planVersion: plan?.version,
            seasonStart: plan.flatMap { Season.start(of: $0.plan) }, language: language, signer: signer)
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
        try ReportTemplates.shared.render(page, template: "vehicle-report")
    }

    /// What was measured, chosen or written for an item, with its unit; `–` when nothing was.
    static func answer(_ item: ChecklistItem, _ result: ItemResult?) -> String {
        if case .measure(let unit, _) = item.kind {
            return result?.value.map { "\(Limits.format($0)) \(unit)" } ?? "–"
        }
        return result?.choice ?? result?.text ?? "–"
    }

    /// A table row: a passed item compact on one line; a failed or untested one with its method and limits.
    private static func row(_ item: ChecklistItem, _ result: ItemResult?, _ labels: ReportLabels)
        -> VehicleReportView.ItemRow
    {
        var limits = ""
        if case .measure(let unit, let bounds) = item.kind { limits = "\(bounds) \(unit)" }
        let status = result?.status ?? .untested
        let passed = status == .pass || status == .na
        return VehicleReportView.ItemRow(
            title: labels.text(item.title), id: item.fullID, severity: labels(item.severity.rawValue),
            method: passed ? "" : item.method.map(labels.text) ?? "", value: answer(item, result),
            limits: limits, status: passed ? "pass" : status.rawValue, result: labels(status.rawValue),
            note: result?.note ?? "", compact: passed)
    }
}
