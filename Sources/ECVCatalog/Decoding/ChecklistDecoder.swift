import ECVModel
import Yams

/// Reads one `Checklists/*.yaml` file.
enum ChecklistDecoder {
    static let checklistKeys = ["subsystem", "title", "version", "items"]
    static let itemKeys = [
        "id", "title", "method", "kind", "severity", "minutes", "applies-to", "unit", "limits", "choices", "pass",
    ]
    /// No single test takes longer than a working day.
    static let minutesRange = 0...600

    static func decode(_ root: Node, file: String, sink: DiagnosticSink, map: inout SourceMap) -> Checklist? {
        guard let reader = MappingReader(root, what: "checklist", at: SourceLocation(file: file), sink: sink) else {
            return nil
        }
        reader.rejectUnknownKeys(checklistKeys)
        let subsystem = reader.required("subsystem")?.oneOf(Subsystem.self)
        let title = reader.required("title")?.localized()
        let version = reader.optional("version")?.int(in: 1...1_000_000) ?? 1
        let itemFields = reader.required("items")?.elements()
        if let subsystem, let field = reader.optional("subsystem") {
            map.defineUnique(
                .checklist(subsystem.rawValue), id: subsystem.rawValue, what: "checklist for subsystem",
                at: field.location, sink: sink)
        }
        if let itemFields, itemFields.isEmpty, let field = reader.optional("items") {
            sink.error("`items` must list at least one item", at: field.location)
        }
        guard let subsystem, let title, let itemFields else { return nil }
        let items = itemFields.compactMap { decodeItem($0, subsystem: subsystem, sink: sink, map: &map) }
        return Checklist(subsystem: subsystem, title: title, version: version, items: items)
    }

    private static func decodeItem(
        _ field: Field, subsystem: Subsystem, sink: DiagnosticSink, map: inout SourceMap
    ) -> ChecklistItem? {
        guard let reader = field.mapping(what: "item") else { return nil }
        let idField = reader.required("id")
        let id = idField?.identifier()
        let item = MappingReader(
            field.node, what: id.map { "item `\($0)`" } ?? "item", at: field.location, sink: sink)
        guard let item else { return nil }
        item.rejectUnknownKeys(itemKeys)
        let title = item.required("title")?.localized()
        let method = item.optional("method")?.localized()
        let kindName = item.required("kind")?.oneOf(KindName.self)
        let severity = item.required("severity")?.oneOf(Severity.self)
        let minutes = item.required("minutes")?.int(in: minutesRange)
        let appliesTo = item.optional("applies-to")?.elements()
        let kind = kindName.flatMap { decodeKind($0, of: item) }

        if let id, let idField {
            let fullID = "\(subsystem.rawValue).\(id)"
            map.defineUnique(.item(fullID), id: id, what: "item id", at: idField.location, sink: sink)
            for tag in appliesTo ?? [] {
                if let name = tag.string() { map.note(.itemTag(item: fullID, tag: name), at: tag.location) }
            }
        }
        if let appliesTo, appliesTo.isEmpty, let field = item.optional("applies-to") {
            sink.error(
                "`applies-to` is empty, so the item applies to no vehicle; omit it to mean every vehicle",
                at: field.location)
        }
        guard let id, let title, let kind, let severity, let minutes else { return nil }
        return ChecklistItem(
            id: id, subsystem: subsystem, title: title, method: method, kind: kind, severity: severity,
            minutes: minutes, appliesTo: appliesTo?.compactMap { $0.string() })
    }

    /// The kind words of the file format.
    enum KindName: String, CaseIterable {
        case check, measure, choice, text
    }

    private static func decodeKind(_ name: KindName, of item: MappingReader) -> ChecklistItem.Kind? {
        let measureKeys = ["unit", "limits"]
        let choiceKeys = ["choices", "pass"]
        let allowedExtras: [String]
        switch name {
        case .measure: allowedExtras = measureKeys
        case .choice: allowedExtras = choiceKeys
        case .check, .text: allowedExtras = []
        }
        for key in measureKeys + choiceKeys where !allowedExtras.contains(key) {
            if let field = item.optional(key) {
                item.sink.error("`\(key)` is not used by a \(name.rawValue) item", at: field.location)
            }
        }
        switch name {
        case .check: return .check
        case .text: return .text
        case .measure:
            let unit = item.required("unit")?.string()
            let limits = item.required("limits").flatMap(decodeLimits)
            guard let unit, let limits else { return nil }
            return .measure(unit: unit, limits: limits)
        case .choice:
            let choicesField = item.required("choices")
            let choices = choicesField?.strings()
            let passField = item.required("pass")
            let passing = passField?.elements()
            guard let choices, let passing, let choicesField else { return nil }
            if choices.count < 2 {
                item.sink.error("`choices` must list at least two options", at: choicesField.location)
            }
            var seen = Set<String>()
            for choice in choices where !seen.insert(choice).inserted {
                item.sink.error("choice `\(choice)` is listed twice", at: choicesField.location)
            }
            var passingWords: [String] = []
            for element in passing {
                guard let word = element.string() else { continue }
                if choices.contains(word) {
                    passingWords.append(word)
                } else {
                    item.sink.error(
                        "pass `\(word)` is not among the choices \(choices.joined(separator: ", "))"
                            + Suggestion.hint(for: word, among: choices),
                        at: element.location)
                }
            }
            if passing.isEmpty, let passField {
                item.sink.error("`pass` must name at least one passing choice", at: passField.location)
            }
            guard passingWords.count == passing.count, !passing.isEmpty else { return nil }
            return .choice(choices: choices, passing: passingWords)
        }
    }

    private static func decodeLimits(_ field: Field) -> Limits? {
        guard let reader = field.mapping(what: "`limits`") else { return nil }
        reader.rejectUnknownKeys(["min", "max"])
        let minField = reader.optional("min")
        let maxField = reader.optional("max")
        let min = minField?.number()
        let max = maxField?.number()
        guard minField != nil || maxField != nil else {
            field.sink.error("`limits` needs `min`, `max` or both", at: field.location)
            return nil
        }
        if let min, let max, min > max, let maxField {
            field.sink.error(
                "limits min \(Limits.format(min)) is greater than max \(Limits.format(max))", at: maxField.location)
            return nil
        }
        guard (minField == nil) == (min == nil), (maxField == nil) == (max == nil) else { return nil }
        return Limits(min: min, max: max)
    }
}
