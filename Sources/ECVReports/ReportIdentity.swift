import Crypto
import ECVModel
import Foundation

/// A report's content hash and id: the SHA-256 of what it says (its facts as canonical JSON, not its
/// layout), and `PREFIX-ID-YYYYMMDD-<first 8 hex of the hash>`.
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

    /// The template's context: the facts, then what the page adds around them — id, hash, signature of
    /// the hash (with a key), the labels and the document's language.
    func context(_ facts: [String: Any], labels: ReportLabels, sign: ((String) -> String?)?) -> [String: Any] {
        var context = facts
        context["reportID"] = reportID
        context["contentSHA256"] = contentSHA256
        // Only a real signature: an absent one must leave the key out, or the template prints "nil".
        if let signature = sign?(contentSHA256) { context["signature"] = signature }
        context["labels"] = labels.all
        context["pageCounter"] = labels.pageCounterCSS
        context["lang"] = labels.language == .en ? "en" : "zh"
        return context
    }
}
