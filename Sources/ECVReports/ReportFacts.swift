/// The facts a report's id and hash are made of, as a JSON value written canonically (keys sorted, no spaces).
///
/// Typed so that a fact is a text, a number, a flag, a list or an object by construction; the canonical
/// writing is the one report ids have always been hashed from, so ids of the same facts never change.
enum ReportFacts: Equatable, ExpressibleByDictionaryLiteral {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([ReportFacts])
    case object([String: ReportFacts])
    case null

    init(dictionaryLiteral elements: (String, ReportFacts)...) {
        self = .object(Dictionary(elements) { _, last in last })
    }

    /// A text, or `null` where there is none.
    static func text(_ value: String?) -> ReportFacts { value.map(ReportFacts.text) ?? .null }

    /// Writes the value as JSON with sorted keys, directly: Foundation's serializer on Linux costs
    /// milliseconds per report.
    func write(to out: inout String) {
        switch self {
        case .object(let fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.quote(key, to: &out)
                out += ":"
                (fields[key] ?? .null).write(to: &out)
            }
            out += "}"
        case .list(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .text(let text): Self.quote(text, to: &out)
        case .flag(let flag): out += flag ? "true" : "false"
        case .number(let number): out += String(number)
        case .null: out += "null"
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
}
