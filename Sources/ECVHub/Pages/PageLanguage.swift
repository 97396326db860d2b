import ECVModel
import Hummingbird

/// The language of a page: the reader's choice (`?lang=`, then remembered in a cookie), else the browser's
/// `Accept-Language`, else Chinese.
enum PageLanguage {
    static let cookie = "ecv_lang"

    static func of(_ request: Request) -> Language {
        if let asked = chosen(request) { return asked }
        if let remembered = request.cookies[cookie].flatMap({ Language(rawValue: $0.value) }) { return remembered }
        return request.headers[.acceptLanguage].map(preferred) ?? .zh
    }

    /// The language `?lang=` asks for, when it names one.
    static func chosen(_ request: Request) -> Language? {
        request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
    }

    /// The first of Chinese and English in an `Accept-Language` header by its weights; Chinese when it names
    /// neither.
    static func preferred(_ header: String) -> Language {
        var best: (language: Language, weight: Double)?
        for part in header.split(separator: ",").prefix(32) {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first else { continue }
            let weight = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: Language
            if tag == "zh" || tag.hasPrefix("zh-") {
                language = .zh
            } else if tag == "en" || tag.hasPrefix("en-") {
                language = .en
            } else {
                continue
            }
            if weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language ?? .zh
    }
}
