import Hummingbird
import OpenAPIRuntime

/// Answers a request the API's generated code could not read with the client error the runtime names, and why.
///
/// A query value out of range, a missing body, a body that is not the JSON the operation takes: 400; a content type
/// it does not take: 415; each with `{"reason": …}`, as the API describes refusals. Without this such a request
/// would end as a 500 with an empty body.
///
/// Only errors raised before the handler had its input are the sender's; an error of a handler itself stays a server
/// error.
struct UnreadableRequest<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ServerError where error.operationInput == nil {
            let status = (400..<500).contains(error.httpStatus.code) ? error.httpStatus : .badRequest
            let reason = "the request is not one the API takes: \(error.underlyingError)"
            return Problem.response(status, String(reason.prefix(500)))
        }
    }
}
