/// Every word ecv shows a person — in the terminal, in the browser, in a report — in the reader's language.
///
/// One catalogue: each key has a Chinese and an English text. Texts take positional arguments `{1}`, `{2}`, …,
/// which both languages must use alike (a test holds the catalogue to it). A key missing from the catalogue
/// shows itself, so that it is seen and fixed, never a blank.
public struct Messages: Sendable {
    /// The reader's language; `.both` gives Chinese then English.
    public let language: Language

    /// The catalogue's words in `language`.
    public init(_ language: Language) {
        self.language = language
    }

    /// The text for `key` with `{1}`, `{2}`, … replaced by `arguments`; for `.both`, Chinese then English.
    public func callAsFunction(_ key: String, _ arguments: String...) -> String {
        text(key, arguments)
    }

    /// As `callAsFunction`, with the arguments as an array.
    public func text(_ key: String, _ arguments: [String]) -> String {
        guard let entry = Messages.catalogue[key] else { return key }
        switch language {
        case .zh: return Messages.fill(entry.zh, arguments)
        case .en: return Messages.fill(entry.en, arguments)
        case .both:
            let zh = Messages.fill(entry.zh, arguments)
            let en = Messages.fill(entry.en, arguments)
            return zh == en ? zh : "\(zh) / \(en)"
        }
    }

    /// A text given by the catalogue files (a checklist title, a site address) in this language.
    public func text(_ localized: LocalizedText) -> String {
        localized.text(in: language)
    }

    /// One entry: the same message in both languages.
    public struct Entry: Sendable, Equatable {
        /// The Chinese text.
        public let zh: String
        /// The English text.
        public let en: String

        /// An entry with its Chinese and English texts.
        public init(_ zh: String, _ en: String) {
            self.zh = zh
            self.en = en
        }
    }

    /// Every entry, from the parts of the catalogue; a key given twice keeps its first entry (a test refuses it).
    public static let catalogue: [String: Entry] = {
        var all: [String: Entry] = [:]
        for part in parts {
            for (key, entry) in part.entries where all[key] == nil { all[key] = entry }
        }
        return all
    }()

    /// The parts, each in its own file: words every surface uses, why an answer is refused, the terminal's,
    /// the printed reports', the web form's.
    public static let parts: [(name: String, entries: [(String, Entry)])] = [
        ("words", words), ("answers", answers), ("terminal", terminal), ("report", report), ("web", web),
        ("planning", planning),
        ("hub", hub),
    ]

    /// `text` with `{n}` replaced by the n-th argument; an argument is never read as a placeholder itself.
    public static func fill(_ text: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let number = Int(after[..<close]),
                number >= 1, number <= arguments.count
            {
                out += arguments[number - 1]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The placeholders `{n}` a text uses, for the catalogue's test.
    public static func placeholders(in text: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if let number = Int(after[..<close]) { found.insert(number) }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}
