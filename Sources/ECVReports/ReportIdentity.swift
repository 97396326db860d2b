import Crypto
import ECVModel
import Foundation

/// A report's content hash and id: the SHA-256 of its facts as canonical JSON — never its language or layout,
/// so the zh, en and both files of the same facts share them — and `PREFIX-ID-YYYYMMDD-<first 8 hex>`.
struct ReportIdentity {
    let contentSHA256: String
    let reportID: String

    init(prefix: String, id: String, day: CalendarDay?, facts: [String: Any]) {
        var canonical = ""
        ReportIdentity.write(facts, to: &canonical)
        contentSHA256 = Data(canonical.utf8).sha256Hex
        let date = day.map { String($0.description.filter { $0 != "-" }) } ?? "none"
        reportID = "\(prefix)-\(id)-\(date)-\(contentSHA256.prefix(8))"
    }

    /// The facts as JSON with sorted keys, written directly: Foundation's serializer on Linux costs
    /// milliseconds per report.
    private static func write(_ value: Any, to out: inout String) {
        switch value {
        case let dictionary as [String: Any]:
            out += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                quote(key, to: &out)
                out += ":"
                write(dictionary[key] ?? "", to: &out)
            }
            out += "}"
        case let array as [Any]:
            out += "["
            for (index, element) in array.enumerated() {
                if index > 0 { out += "," }
                write(element, to: &out)
            }
            out += "]"
        case let text as String: quote(text, to: &out)
        case let flag as Bool: out += flag ? "true" : "false"
        case let number as Int: out += String(number)
        case let optional as String?: if let optional { quote(optional, to: &out) } else { out += "null" }
        default: out += "null"
        }
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        // Most texts hold nothing to escape: copied whole instead of walked character by character.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x0A })
        else {
            out += text
            out += "\""
            return
        }
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        out += "\""
    }

    /// The facts of a vehicle's report: the vehicle, its inspections, every result and photo, the plan version.
    ///
    /// Times are Unix milliseconds; photos count by their bytes' SHA-256.
    static func facts(of history: VehicleHistory, vehicle: String, planVersion: Int?) -> [String: Any] {
        func millis(_ date: Date) -> String { String(Int64((date.timeIntervalSince1970 * 1000).rounded())) }
        let inspections = history.inspections.map { inspection -> [String: Any] in
            ["engineer": inspection.engineer, "started": millis(inspection.startedAt), "recheck": inspection.isRecheck]
        }
        let results = history.results.map { recorded -> [String: Any] in
            let result = recorded.result
            return [
                "item": result.itemID, "status": result.status.rawValue,
                "value": result.value.map { "\($0)" } as String?, "choice": result.choice as String?,
                "text": result.text as String?, "note": result.note as String?, "recorded": millis(recorded.recordedAt),
                "inspection": history.inspections.firstIndex { $0.id == recorded.inspectionID } ?? -1,
            ]
        }
        let photos = history.photos.map { photo -> [String: Any] in
            ["item": photo.itemID, "sha256": photo.data.sha256Hex, "taken": millis(photo.takenAt)]
        }
        return [
            "vehicle": vehicle, "planVersion": planVersion.map { String($0) } as String?,
            "inspections": inspections, "results": results, "photos": photos,
        ]
    }

    /// The facts of a summary: each vehicle's verdict, failed items and time of its latest result.
    static func facts(of rows: [BoardRow]) -> [[String: Any]] {
        rows.map { row in
            [
                "vehicle": row.vehicle, "client": row.client, "route": row.route,
                "verdict": row.verdict.readiness.rawValue, "failed": row.verdict.failed.map(\.itemID),
                "inspected": row.inspected.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
                    as String?,
            ]
        }
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
