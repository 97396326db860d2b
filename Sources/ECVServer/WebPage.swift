import ECVModel
import ECVReports
import Foundation

/// Renders the form's pages from its Mustache templates, with what every page shares: the words of the
/// reader's language, the CSRF token, the navigation and the language switch.
struct WebPage {
    static let templates = PageTemplates(
        ["web-style", "web-head", "web-foot", "web-board", "web-today", "web-vehicle", "web-error"], in: .module)

    let language: Language
    let csrf: String
    /// The page's own path and query, for the language switch.
    let path: String
    let query: [(String, String)]

    var messages: Messages { Messages(language) }

    /// `template` with `content`, the page titled `title`, framed by what every page shows (`WebFrame`).
    func render(_ template: String, title: String, _ content: some Encodable) throws -> String {
        let frame = WebFrame(
            title: title, htmlLang: language == .en ? "en" : "zh", csrf: csrf,
            w: WebPage.words.forTemplates[language] ?? WordTree(), wordsJSON: WebPage.words.forScript[language] ?? "{}",
            languages: Language.allCases.map { code in
                WebFrame.LanguageLink(
                    code: code == .both ? "zh" : code.rawValue, current: code == language,
                    name: WebPage.languageNames[code] ?? code.rawValue, href: href(language: code))
            })
        return try WebPage.templates.render(TemplateLayers(outer: frame, inner: content), template: template)
    }

    private static let languageNames: [Language: String] = [.zh: "中文", .en: "English", .both: "中/EN"]

    /// This page in `language`.
    private func href(language code: Language) -> String {
        let kept = query.filter { $0.0 != "lang" } + [("lang", code.rawValue)]
        return path + "?"
            + kept.map { "\(WebPath.queryValue($0.0))=\(WebPath.queryValue($0.1))" }
            .joined(separator: "&")
    }

    /// The catalogue's words in every language, worked out once rather than for every page.
    static let words = Words()

    /// The catalogue for the templates and for the script, per language.
    struct Words: Sendable {
        let forTemplates: [Language: WordTree]
        let forScript: [Language: String]

        init() {
            var templates: [Language: WordTree] = [:]
            var script: [Language: String] = [:]
            for language in Language.allCases {
                templates[language] = WebPage.words(Messages(language))
                script[language] = WebPage.scriptWords(Messages(language))
            }
            forTemplates = templates
            forScript = script
        }
    }

    /// The catalogue as a tree of words, so that a template writes `{{w.web.item.save}}`.
    static func words(_ messages: Messages) -> WordTree {
        var root = WordTree()
        for key in Messages.catalogue.keys {
            root.insert(messages(key), at: key.split(separator: ".").map(String.init)[...])
        }
        return root
    }

    /// The words the page's script shows (answer states), as JSON safe inside a `<script>` element.
    static func scriptWords(_ messages: Messages) -> String {
        let prefix = "web.state."
        var words: [String: String] = [:]
        for key in Messages.catalogue.keys where key.hasPrefix(prefix) {
            words[String(key.dropFirst(prefix.count))] = messages(key)
        }
        let data = (try? JSONSerialization.data(withJSONObject: words, options: [.sortedKeys])) ?? Data("{}".utf8)
        // `</script>` inside the data would end the element; `<` as an escape cannot.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

/// Paths and query values of the form's links.
enum WebPath {
    /// An id as one path segment: every byte outside the unreserved set percent-encoded.
    static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: unreserved) ?? id
    }

    /// A query value: as a segment.
    static func queryValue(_ text: String) -> String { segment(text) }

    /// A path segment as the request carried it, decoded; `nil` when its escapes are broken.
    static func decoded(_ segment: String) -> String? {
        segment.removingPercentEncoding
    }

    static func vehicle(_ id: String) -> String { "/vehicles/\(segment(id))" }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
