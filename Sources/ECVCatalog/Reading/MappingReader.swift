import ECVModel
import Yams

/// A YAML mapping with its location, read key by key; every problem goes to the sink.
struct MappingReader {
    let mapping: Node.Mapping
    let location: SourceLocation
    /// What the mapping describes, for messages: "route", "site `hrb-fire-1`".
    let what: String
    let sink: DiagnosticSink
    /// Values by key text, looked up without Yams' node comparison.
    private let values: [String: Node]

    /// Reads `node` as a mapping, or reports what was found instead.
    init?(_ node: Node, what: String, at parent: SourceLocation, sink: DiagnosticSink) {
        let location = parent.moved(to: node.mark)
        guard let mapping = node.mapping else {
            sink.error("expected a mapping for \(what), found \(node.kindDescription)", at: location)
            return nil
        }
        self.mapping = mapping
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, values[name] == nil { values[name] = value }
        }
        self.values = values
        self.location = location
        self.what = what
        self.sink = sink
    }

    /// Reports every key not in `allowed`, with the closest allowed key as a suggestion.
    func rejectUnknownKeys(_ allowed: [String]) {
        for (key, _) in mapping {
            let name = key.scalar?.string ?? key.kindDescription
            guard !allowed.contains(name) else { continue }
            sink.error(
                "unknown key `\(name)` in \(what)\(Suggestion.hint(for: name, among: allowed))",
                at: location.moved(to: key.mark))
        }
    }

    /// The value of `key`; reports it missing when absent or null.
    func required(_ key: String) -> Field? {
        guard let field = optional(key) else {
            sink.error("missing required key `\(key)` in \(what)", at: location)
            return nil
        }
        return field
    }

    /// The value of `key`, `nil` when absent or null (`key:` with nothing after it).
    func optional(_ key: String) -> Field? {
        guard let node = values[key], !node.isNull else { return nil }
        return Field(key: key, node: node, location: location.moved(to: node.mark), sink: sink)
    }
}

extension SourceLocation {
    /// This location's file at `mark`, or this location when the node has no mark.
    func moved(to mark: Mark?) -> SourceLocation {
        guard let mark else { return self }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}

extension Node {
    /// "a string `abc`", "a list", "a mapping": what a message says was found.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            if isNull { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "`\(text)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Whether the node is YAML's null: `~`, `null` or nothing.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
