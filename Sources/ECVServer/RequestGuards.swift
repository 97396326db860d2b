import Foundation
import Hummingbird

/// Refuses requests that a page of another site could have sent.
///
/// That is a `Host` that is not this server's (DNS rebinding: a name of the attacker's resolving to 127.0.0.1) and posts whose `Origin` is not this
/// server. Browsers always send `Host`, and send `Origin` with every script post; a plain form post may
/// come without it, the CSRF token then decides.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Host names this server answers to, lower-case, without port.
    let allowedHosts: Set<String>

    init(boundHost: String, extraHosts: [String]) {
        allowedHosts = Set(
            (["localhost", "127.0.0.1", "::1", boundHost] + extraHosts).map { SameOriginMiddleware.bare($0) })
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let authority = request.head.authority {
            guard allowedHosts.contains(SameOriginMiddleware.hostName(of: authority)) else {
                throw WebError(.misdirectedRequest, "web.error.host", authority)
            }
            if request.method == .post, let origin = request.headers[.origin] {
                let expected = ["http://\(authority.lowercased())", "https://\(authority.lowercased())"]
                guard expected.contains(origin.lowercased()) else {
                    throw WebError(.forbidden, "web.error.origin", origin)
                }
            }
        } else if request.method == .post, request.headers[.origin] != nil {
            throw WebError(.forbidden, "web.error.originHost")
        }
        return try await next(request, context)
    }

    /// `Example.org:8080` → `example.org`, `[::1]:80` → `::1`.
    static func hostName(of authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let end = lower.firstIndex(of: "]") {
            return String(lower[lower.index(after: lower.startIndex)..<end])
        }
        if lower.filter({ $0 == ":" }).count == 1, let colon = lower.firstIndex(of: ":") {
            return String(lower[..<colon])
        }
        return lower
    }

    private static func bare(_ host: String) -> String {
        let lower = host.lowercased()
        return lower.hasPrefix("[") && lower.hasSuffix("]") ? String(lower.dropFirst().dropLast()) : lower
    }
}

/// Reads a request's body only up to `limit` bytes: a `Content-Length` above it is refused before a byte
/// is read, and a body that grows past it while streaming is refused too, both with 413.
enum BodyLimit {
    static func collect(_ request: inout Request, upTo limit: Int, what: String) async throws -> ByteBuffer {
        let tooLarge = WebError(.contentTooLarge, "web.error.tooLarge", what, "\(limit / 1024)")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        do {
            return try await request.collectBody(upTo: limit)
        } catch {
            throw tooLarge
        }
    }
}
