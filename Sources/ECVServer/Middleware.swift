import Foundation
import Hummingbird

/// A request the form cannot serve, with the words to show.
struct WebError: Error {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// Turns every failure into a page with its status and one line of text; never a stack trace.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        // The page's script asks for JSON and shows the message beside the answer; a browser gets a page.
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        func reply(_ status: HTTPResponse.Status, _ message: String) -> Response {
            wantsJSON ? WebServer.json(["ok": false, "message": message], status: status) : page(status, message)
        }
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return reply(error.status, error.message)
        } catch let error as HTTPError {
            return reply(error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("\(error)")
            return reply(.internalServerError, "\(error)")
        }
    }

    private func page(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var response = WebServer.html(
            HTML.page(
                title: "\(status.code)",
                body:
                    "<h1>\(status.code) \(HTML.escape(status.reasonPhrase))</h1><p class=\"error\">\(HTML.escape(message))</p>"
            ))
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
        let cookie = request.headers[.cookie].flatMap { header in
            header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("ecv_token=") }.map { String($0.dropFirst("ecv_token=".count)) }
        }
        let query = request.uri.queryParameters.get("token")
        guard let offered = bearer ?? cookie ?? query, WebServer.constantTimeEqual(offered, token) else {
            throw WebError(.unauthorized, "this form needs its access token: open the address ecv serve printed")
        }
        var response = try await next(request, context)
        if query != nil, cookie == nil {
            response.headers[.setCookie] = "ecv_token=\(token); HttpOnly; SameSite=Strict; Path=/"
        }
        return response
    }
}
