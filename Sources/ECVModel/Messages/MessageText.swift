/// A message of the catalogue with its arguments, kept as a value so that it can be said in any language later:
/// a stored plan keeps why a vehicle was left out this way, and `ecv plan show --lang zh` says it in Chinese.
public struct MessageText: Sendable, Equatable, Codable {
    /// The catalogue's key.
    public var key: String
    /// The values of `{1}`, `{2}`, …: ids, dates, times, numbers, the same in every language.
    public var arguments: [String]

    /// The message `key` with `arguments`.
    public init(_ key: String, _ arguments: [String] = []) {
        self.key = key
        self.arguments = arguments
    }

    /// The text in `messages`' language.
    public func text(_ messages: Messages) -> String {
        messages.text(key, arguments)
    }
}
