import ECVModel
import ECVReports
import Foundation

/// What every page of the hub shares: its title and language, the words, the navigation, who is signed in and
/// the token their forms carry.
struct PageFrame: Encodable, Sendable {
    let title: String
    let htmlLang: String
    let w: HubWords
    let languages: [LanguageLink]
    let nav: [NavLink]
    /// Whether there is a navigation: Mustache cannot ask an array whether it is empty without walking it.
    let hasNav: Bool
    /// The signed-in person's name and role; `nil` on the sign-in page.
    let signedIn: String?
    /// The session's form token, for the sign-out form; `nil` when no one is signed in.
    let formToken: String?

    /// A link to this page in another language.
    struct LanguageLink: Encodable, Sendable {
        let code: String
        let name: String
        let href: String
        let current: Bool
    }

    /// A link of the main navigation.
    struct NavLink: Encodable, Sendable {
        let href: String
        let name: String
        let current: Bool
    }

    /// The pages of the main navigation, in order.
    enum Section: String, CaseIterable, Sendable {
        case board = "/"
        case lines = "/lines"
        case map = "/map"
        case emergency = "/emergency"
        case sync = "/sync"

        func name(_ w: HubWords) -> String {
            switch self {
            case .board: return w.board
            case .lines: return w.lines
            case .map: return w.map
            case .emergency: return w.emergency
            case .sync: return w.sync
            }
        }
    }

    init(
        title: String, language: Language, path: String, query: [(String, String)], section: Section?,
        session: HubSession?
    ) {
        let words = HubWords.all[language] ?? HubWords(Messages(language))
        let messages = Messages(language)
        self.title = title
        htmlLang = language == .en ? "en" : "zh"
        w = words
        languages = [(Language.zh, "中文"), (.en, "English")].map { code, name in
            let kept = query.filter { $0.0 != "lang" } + [("lang", code.rawValue)]
            let href =
                path + "?" + kept.map { "\(PageFrame.escaped($0.0))=\(PageFrame.escaped($0.1))" }.joined(separator: "&")
            return LanguageLink(code: code.rawValue, name: name, href: href, current: code == language)
        }
        nav =
            session == nil
            ? []
            : Section.allCases.map { NavLink(href: $0.rawValue, name: $0.name(words), current: $0 == section) }
        hasNav = !nav.isEmpty
        signedIn = session.map {
            messages("hub.signedInAs", $0.user.name, messages("hub.role.\($0.user.role.rawValue)"))
        }
        formToken = session?.formToken
    }

    /// A query part with every byte outside the unreserved set percent-encoded.
    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// A page: the frame every page shares and the view of its own template.
struct HubPage<View: Encodable & Sendable>: Encodable, Sendable {
    let frame: PageFrame
    let view: View
}

/// The hub's page templates, read once from the module's resources.
enum HubTemplates {
    static let all = PageTemplates(
        [
            "hub-style", "hub-head", "hub-foot", "hub-sign-in", "hub-board", "hub-lines", "hub-map", "hub-emergency",
            "hub-sync", "hub-message",
        ], in: .module)

    static func render<View: Encodable & Sendable>(_ template: String, _ page: HubPage<View>) throws -> String {
        try all.render(page, template: template)
    }
}
