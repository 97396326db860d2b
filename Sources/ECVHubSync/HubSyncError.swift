/// Why a sync with the hub, or the import of a bundle it brought, stopped; one message a user can act on.
public enum HubSyncError: Error, CustomStringConvertible, Equatable {
    /// A bundle that is not taken: its name in messages and the reason, one problem a line.
    case refusedBundle(file: String, reason: String)
    /// Routes/ or Checklists/ here do not read: the first problem and how many there are.
    case invalidCatalog(first: String, count: Int)
    /// A file of this folder (the sync state, the plan's files) cannot be read or written.
    case badFile(String)
    /// The hub handed on something that is not taken: a key without the office's signature, a file outside
    /// Routes/ and Checklists/, files that do not read as a catalog.
    case refusedFromHub(String)

    /// The message, printed after `error:`.
    public var description: String {
        switch self {
        case .refusedBundle(let file, let reason): return "\(file): \(reason)"
        case .invalidCatalog(let first, let count):
            return "Checklists/ and Routes/ have \(count) error\(count == 1 ? "" : "s"), the first: \(first)"
        case .badFile(let message), .refusedFromHub(let message): return message
        }
    }

    /// The message as the lines it prints as: a bundle's refusal lists one problem a line.
    public var lines: [String] {
        description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
