import ECVModel
import ECVReports
import Foundation
import Hummingbird

/// Turns every failure into one line in the reader's language, with its status; never a stack trace.
///
/// The page's script gets JSON, a browser a page. A language chosen with `?lang=` is remembered. An error page
/// never carries the CSRF token: it answers requests at a foreign `Host` (DNS rebinding) and without the access
/// token, whose senders must not learn it, and it has no form to post.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let language: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let language = WebLanguage.of(request, default: language)
        let messages = Messages(language)
        func reply(_ status: HTTPResponse.Status, _ message: String, retry: Bool) -> Response {
            if wantsJSON {
                return WebServer.json(WebServer.RefusalReply(message: message, retry: retry), status: status)
            }
            return page(status, message, request: request, language: language)
        }
        do {
            var response = try await next(request, context)
            if let cookie = WebLanguage.setCookie(for: request) { response.headers[values: .setCookie].append(cookie) }
            return response
        } catch let error as WebError {
            return reply(error.status, error.message(messages), retry: error.mayRetry)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? messages("web.error.noPage") : error.body ?? "\(error.status)"
            return reply(error.status, message, retry: error.status.code >= 500)
        } catch {
            context.logger.error("\(error)")
            return reply(.internalServerError, StoreTrouble.message(error, messages), retry: true)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ message: String, request: Request, language: Language)
        -> Response
    {
        let page = WebPage(language: language, csrf: "", path: "/", query: [])
        let title = page.messages("web.error.title", "\(status.code)")
        let text =
            (try? page.render("web-error", title: title, ErrorPageView(message: message)))
            ?? "<!doctype html><title>\(status.code)</title><p>\(Markup.escape(message))</p>"
        var response = WebServer.html(text)
        response.status = status
        return response
    }
}

/// Lets through only requests that carry the access token.
struct AccessTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let cookie = request.cookie(named: "ecv_token")
        let query = request.uri.queryParameters.get("token")
        guard let offered = bearer ?? cookie ?? query, WebServer.constantTimeEqual(offered, token) else {
            throw WebError(.unauthorized, "web.error.token")
        }
        var response = try await next(request, context)
        if query != nil, cookie == nil {
            response.headers[values: .setCookie].append("ecv_token=\(token); HttpOnly; SameSite=Strict; Path=/")
        }
        return response
    }
}
