/// A text in the two report languages, Chinese and English.
///
/// Files may give a plain string; it then serves both languages.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// A text with its Chinese and English forms.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text for both languages.
    public init(_ both: String) {
        self.init(zh: both, en: both)
    }

    /// The text in `language`; `both` gives "中文 / English" unless the two are the same.
    public func text(in language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        case .both: return zh == en ? zh : "\(zh) / \(en)"
        }
    }
}

/// The language a reader wants: Chinese, English or both side by side.
public enum Language: String, Sendable, Equatable, CaseIterable, Codable {
    case zh, en, both
}
