import Mustache

/// The catalogue's words by the parts of their keys: `web.item.save` is the word `save` under `item` under
/// `web`, which a template reads as `{{w.web.item.save}}`.
public struct WordTree: MustacheParent, Encodable, Sendable {
    /// An empty tree.
    public init() {}

    private var words: [String: String] = [:]
    private var branches: [String: WordTree] = [:]

    /// The word or the branch named `name`.
    public func child(named name: String) -> Any? {
        words[name] ?? branches[name]
    }

    /// Puts `text` at `path`: its last part names the word, the parts before it the branches it is under.
    public mutating func insert(_ text: String, at path: ArraySlice<String>) {
        guard let head = path.first else { return }
        if path.count == 1 {
            words[head] = text
            return
        }
        var branch = branches[head] ?? WordTree()
        branch.insert(text, at: path.dropFirst())
        branches[head] = branch
    }

    /// The tree as nested JSON objects, words and branches side by side.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for (name, word) in words { try container.encode(word, forKey: Name(name)) }
        for (name, branch) in branches { try container.encode(branch, forKey: Name(name)) }
    }

    /// A word's or a branch's name as a JSON key.
    private struct Name: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
