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

    /// The template's context: the facts shown, then what the page adds around them — id, hash, the office's
    /// signature of the hash and its key's fingerprint (with a private key), the labels and the language.
    func context(_ shown: [String: Any], labels: ReportLabels, signer: ReportSigner?) -> [String: Any] {
        var context = shown
        context["reportID"] = reportID
        context["contentSHA256"] = contentSHA256
        // Only a real signature: an absent one must leave the key out, or the template prints "nil".
        if let signer, let signature = signer.sign(text: contentSHA256) {
            context["signature"] = signature
            context["keyFingerprint"] = signer.fingerprint
        }
        context["labels"] = labels.all
        context["pageCounter"] = labels.pageCounterCSS
        context["lang"] = labels.language == .en ? "en" : "zh"
        return context
    }
}
