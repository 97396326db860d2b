import Crypto
import ECVModel
import ECVSync
import Foundation

/// A report's content hash and id: the SHA-256 of its facts as canonical JSON — never its language or layout,
/// so the zh, en and both files of the same facts share them — and `PREFIX-ID-YYYYMMDD-<first 8 hex>`.
struct ReportIdentity {
    let contentSHA256: String
    let reportID: String

    init(prefix: String, id: String, day: CalendarDay?, facts: ReportFacts) {
        var canonical = ""
        facts.write(to: &canonical)
        contentSHA256 = Data(canonical.utf8).sha256Hex
        let date = day.map { String($0.description.filter { $0 != "-" }) } ?? "none"
        reportID = "\(prefix)-\(id)-\(date)-\(contentSHA256.prefix(8))"
    }

    /// Unix milliseconds as the facts write a time.
    private static func millis(_ date: Date) -> ReportFacts {
        .text(String(Int64((date.timeIntervalSince1970 * 1000).rounded())))
    }

    /// The facts of a vehicle's report: the vehicle, its inspections, every result and photo, the plan version.
    ///
    /// Times are Unix milliseconds; photos count by their bytes' SHA-256.
    static func facts(of history: VehicleHistory, vehicle: String, planVersion: Int?) -> ReportFacts {
        let inspections = history.inspections.map { inspection -> ReportFacts in
            [
                "engineer": .text(inspection.engineer), "started": millis(inspection.startedAt),
                "recheck": .flag(inspection.isRecheck),
            ]
        }
        let results = history.results.map { recorded -> ReportFacts in
            let result = recorded.result
            return [
                "item": .text(result.itemID), "status": .text(result.status.rawValue),
                "value": .text(result.value.map { "\($0)" }), "choice": .text(result.choice),
                "text": .text(result.text), "note": .text(result.note), "recorded": millis(recorded.recordedAt),
                "inspection": .number(history.inspections.firstIndex { $0.id == recorded.inspectionID } ?? -1),
            ]
        }
        let photos = history.photos.map { photo -> ReportFacts in
            ["item": .text(photo.itemID), "sha256": .text(photo.data.sha256Hex), "taken": millis(photo.takenAt)]
        }
        return [
            "vehicle": .text(vehicle), "planVersion": .text(planVersion.map { String($0) }),
            "inspections": .list(inspections), "results": .list(results), "photos": .list(photos),
        ]
    }

    /// The facts of a summary: each vehicle's verdict, failed items and time of its latest result.
    static func facts(of rows: [BoardRow]) -> ReportFacts {
        .list(
            rows.map { row in
                [
                    "vehicle": .text(row.vehicle), "client": .text(row.client), "route": .text(row.route),
                    "verdict": .text(row.verdict.readiness.rawValue),
                    "failed": .list(row.verdict.failed.map { .text($0.itemID) }),
                    "inspected": row.inspected.map(millis) ?? .null,
                ]
            })
    }

    /// The template's context: the facts shown, framed by what the page adds around them (`ReportStamp`).
    func page<Shown: Encodable>(_ shown: Shown, labels: ReportLabels, signer: ReportSigner?)
        -> TemplateLayers<ReportStamp, Shown>
    {
        TemplateLayers(outer: ReportStamp(self, labels: labels, signer: signer), inner: shown)
    }
}

/// What every report page adds around its facts: id, hash, the office's signature of the hash and its key's
/// fingerprint (with a private key), the labels and the language.
struct ReportStamp: Encodable {
    let reportID: String
    let contentSHA256: String
    /// Only a real signature: nil leaves the footer's signature line out.
    let signature: String?
    let keyFingerprint: String?
    /// The catalogue's `report.*` words by key without the prefix: `{{labels.title}}`.
    let labels: [String: String]
    /// The CSS `content` of the page-number margin box, written unescaped.
    let pageCounter: String
    /// The page's `lang`: `zh` or `en`.
    let lang: String

    init(_ identity: ReportIdentity, labels: ReportLabels, signer: ReportSigner?) {
        reportID = identity.reportID
        contentSHA256 = identity.contentSHA256
        let signature = signer?.sign(text: identity.contentSHA256)
        self.signature = signature
        keyFingerprint = signature == nil ? nil : signer?.fingerprint
        self.labels = labels.all
        pageCounter = labels.pageCounterCSS
        lang = labels.language == .en ? "en" : "zh"
    }
}
