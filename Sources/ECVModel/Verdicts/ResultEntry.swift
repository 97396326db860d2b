/// One result as typed on a command line or read from a file: `power.output-voltage=221.5`, with an
/// optional note and where it came from, for messages.
public struct ResultEntry: Sendable, Equatable {
    /// The full item id as typed, `subsystem.item`.
    public var itemID: String
    /// The value as typed, not yet parsed.
    public var value: String
    /// The engineer's note, when given.
    public var note: String?
    /// "argument 3", "results.csv:7".
    public var source: String

    /// An entry of these parts.
    public init(itemID: String, value: String, note: String? = nil, source: String) {
        self.itemID = itemID
        self.value = value
        self.note = note
        self.source = source
    }

    /// Judges every entry against the items that apply to the vehicle; either all results or every problem.
    ///
    /// An item given twice in one batch is a problem: which of the two was meant cannot be told.
    public static func results(_ entries: [ResultEntry], items: [ChecklistItem]) -> Result<[ItemResult], EntryErrors> {
        var results: [ItemResult] = []
        var problems: [String] = []
        let ids = items.map(\.fullID)
        let itemByID = Dictionary(zip(ids, items), uniquingKeysWith: { first, _ in first })
        var given: [String: String] = [:]
        for entry in entries {
            if let first = given[entry.itemID] {
                problems.append("\(entry.source): `\(entry.itemID)` is given twice (first at \(first))")
                continue
            }
            given[entry.itemID] = entry.source
            guard let item = itemByID[entry.itemID] else {
                problems.append(
                    "\(entry.source): unknown item `\(entry.itemID)` for this vehicle"
                        + Suggestion.hint(for: entry.itemID, among: ids))
                continue
            }
            do {
                results.append(try item.result(for: Answer(parsing: entry.value, for: item), note: entry.note))
            } catch {
                problems.append("\(entry.source): \(error)")
            }
        }
        return problems.isEmpty ? .success(results) : .failure(EntryErrors(messages: problems))
    }
}

/// Every problem of a batch of entries, one message each.
public struct EntryErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line per problem, each naming where the entry came from.
    public var messages: [String]

    /// Problems with these messages.
    public init(messages: [String]) {
        self.messages = messages
    }

    /// The messages, one per line.
    public var description: String { messages.joined(separator: "\n") }
}
