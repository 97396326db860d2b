import ECVModel
import Foundation
import Yams

/// The value of one key, converted to a domain type or reported with its location.
struct Field {
    let key: String
    let node: Node
    let location: SourceLocation
    let sink: DiagnosticSink

    private func typeError(_ expected: String) {
        sink.error("`\(key)` must be \(expected), found \(node.kindDescription)", at: location)
    }

    /// A non-empty scalar as text.
    func string() -> String? {
        guard let scalar = node.scalar, !node.isNull else {
            typeError("a text")
            return nil
        }
        let text = scalar.string
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            sink.error("`\(key)` must not be empty", at: location)
            return nil
        }
        return text
    }

    /// An id: text without spaces, dots, `=` or `/`, which ids are joined or split by elsewhere.
    func identifier() -> String? {
        guard let text = string() else { return nil }
        if let bad = text.unicodeScalars.first(where: {
            $0.properties.isWhitespace || ".=/\\,".unicodeScalars.contains($0)
        }) {
            sink.error("`\(key)` `\(text)` must not contain `\(bad.escaped(asASCII: false))`", at: location)
            return nil
        }
        return text
    }

    /// A whole number in `range`.
    func int(in range: ClosedRange<Int>) -> Int? {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            typeError("a whole number")
            return nil
        }
        guard range.contains(value) else {
            sink.error(
                "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), found \(value)", at: location)
            return nil
        }
        return value
    }

    /// A finite number in `range`.
    func double(in range: ClosedRange<Double>) -> Double? {
        guard let value = number() else { return nil }
        guard range.contains(value) else {
            sink.error(
                "`\(key)` must be between \(Limits.format(range.lowerBound)) and \(Limits.format(range.upperBound)), "
                    + "found \(Limits.format(value))",
                at: location)
            return nil
        }
        return value
    }

    /// Any finite number.
    func number() -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any,
            let value = Double(scalar.string)
        else {
            typeError("a number")
            return nil
        }
        guard value.isFinite else {
            sink.error("`\(key)` must be a finite number, found \(scalar.string)", at: location)
            return nil
        }
        return value
    }

    /// One of the raw values of `E`, with a suggestion for near misses.
    func oneOf<E: RawRepresentable & CaseIterable>(_: E.Type) -> E? where E.RawValue == String {
        guard let text = string() else { return nil }
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue)
        sink.error(
            "unknown \(key) `\(text)`\(Suggestion.hint(for: text, among: allowed)) "
                + "(allowed: \(allowed.joined(separator: ", ")))",
            at: location)
        return nil
    }

    /// `{zh: …, en: …}` or a plain string for both.
    func localized() -> LocalizedText? {
        if node.scalar != nil { return string().map(LocalizedText.init) }
        guard node.mapping != nil else {
            typeError("a text or {zh: …, en: …}")
            return nil
        }
        guard let reader = mapping(what: "`\(key)`") else { return nil }
        reader.rejectUnknownKeys(["zh", "en"])
        guard let zh = reader.required("zh")?.string(), let en = reader.required("en")?.string() else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    /// A calendar day `YYYY-MM-DD`.
    func day() -> CalendarDay? {
        guard let text = string() else { return nil }
        guard let day = CalendarDay(iso: text) else {
            sink.error("`\(key)` must be a date YYYY-MM-DD, found `\(text)`", at: location)
            return nil
        }
        return day
    }

    /// `"HH:MM-HH:MM"` with the end after the start.
    func hours() -> DailyHours? {
        guard let text = string() else { return nil }
        guard let hours = DailyHours(text) else {
            sink.error(
                "`\(key)` must be hours \"HH:MM-HH:MM\" with the end after the start, found `\(text)`", at: location)
            return nil
        }
        return hours
    }

    /// A local date and time `YYYY-MM-DDTHH:MM`.
    func localDateTime() -> LocalDateTime? {
        guard let text = string() else { return nil }
        guard let moment = LocalDateTime(iso: text) else {
            sink.error("`\(key)` must be a date and time YYYY-MM-DDTHH:MM, found `\(text)`", at: location)
            return nil
        }
        return moment
    }

    /// The elements of a list, each with its own location.
    func elements() -> [Field]? {
        guard let sequence = node.sequence else {
            typeError("a list")
            return nil
        }
        return sequence.map { element in
            Field(key: key, node: element, location: location.moved(to: element.mark), sink: sink)
        }
    }

    /// A list of texts; each bad element is reported and left out.
    func strings() -> [String]? {
        elements()?.compactMap { $0.string() }
    }

    /// A list of calendar days.
    func days() -> [CalendarDay]? {
        elements()?.compactMap { $0.day() }
    }

    /// The value as a mapping describing `what`.
    func mapping(what: String) -> MappingReader? {
        MappingReader(node, what: what, at: location, sink: sink)
    }
}
