import ECVModel
import Foundation
import Hummingbird

/// A request the form cannot serve: its status and a message of the catalogue, said in the reader's language.
struct WebError: Error {
    var status: HTTPResponse.Status
    var key: String
    var arguments: [String]

    init(_ status: HTTPResponse.Status, _ key: String, _ arguments: String...) {
        self.status = status
        self.key = key
        self.arguments = arguments
    }

    func message(_ messages: Messages) -> String { messages.text(key, arguments) }

    /// Whether sending the same request again later may succeed: the server or its database was the
    /// trouble, not the answer.
    var mayRetry: Bool { status.code >= 500 || status == .forbidden || status == .requestTimeout }
}

/// The reader's language: `?lang=` (remembered in a cookie), else the cookie, else the server's.
enum WebLanguage {
    static let cookie = "ecv_lang"

    static func of(_ request: Request, default fallback: Language) -> Language {
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return asked }
        return request.cookie(named: cookie).flatMap(Language.init(rawValue:)) ?? fallback
    }

    /// The cookie to set when the request chose a language.
    static func setCookie(for request: Request) -> String? {
        guard let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) else {
            return nil
        }
        return "\(cookie)=\(asked.rawValue); SameSite=Strict; Path=/; Max-Age=31536000"
    }
}

extension Request {
    /// The value of the cookie `name` the request carries, if any.
    func cookie(named name: String) -> String? {
        headers[.cookie].flatMap { header in
            header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("\(name)=") }.map { String($0.dropFirst(name.count + 1)) }
        }
    }
}

/// What the `web-error` template shows: why the page could not be shown.
struct ErrorPageView: Encodable {
    let message: String
}
