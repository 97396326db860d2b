import ECVReports

/// What every page of the form shows around its own content: its title and language, the CSRF token, the
/// catalogue's words, the words of the page's script and the language switch.
struct WebFrame: Encodable {
    /// One entry of the language switch.
    struct LanguageLink: Encodable {
        let code: String
        let current: Bool
        let name: String
        let href: String
    }

    let title: String
    let htmlLang: String
    let csrf: String
    /// The catalogue's words in the page's language: `{{w.web.item.save}}`.
    let w: WordTree
    /// The words of the page's script, as JSON safe inside a `<script>` element.
    let wordsJSON: String
    let languages: [LanguageLink]
}

extension String {
    /// The text, or nil when it is empty: Mustache takes an empty text for true and opens its section.
    var nonEmpty: String? { isEmpty ? nil : self }
}
