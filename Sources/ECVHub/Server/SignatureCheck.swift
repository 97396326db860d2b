import ECVHubClient
import Foundation
import HTTPTypes
import Hummingbird

/// Lets a request through only when it is signed by an enrolled key or the office key, within five minutes of the
/// hub's clock, and for the first time; the handler then finds the signer in `RequestSender.current`.
///
/// The body is read here (up to `bodyLimit` bytes) because the signature covers its SHA-256. The dispatcher's pages
/// (`HubPages.paths`, each named) are opened by people with a session instead; every other path needs a signature.
struct SignatureCheck<Context: RequestContext>: RouterMiddleware {
    let database: HubDatabase
    let now: @Sendable () -> Date
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard !HubPages.paths.contains(request.uri.path) else { return try await next(request, context) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: bodyLimit)
        } catch {
            return Problem.response(.contentTooLarge, "the body is over \(bodyLimit) bytes")
        }
        let sender: RequestSender
        switch try await verify(request, body: Data(body.readableBytesView)) {
        case .success(let signer): sender = signer
        case .failure(let refusal): return Problem.response(.unauthorized, refusal.reason)
        }
        return try await RequestSender.$current.withValue(sender) { try await next(request, context) }
    }

    private func verify(_ request: Request, body: Data) async throws -> Result<RequestSender, Refusal> {
        func header(_ name: String) -> String? {
            HTTPField.Name(name).flatMap { request.headers[$0] }
        }
        guard let name = header(SignedRequest.keyHeader), let timeText = header(SignedRequest.timeHeader),
            let signature = header(SignedRequest.signatureHeader)
        else {
            return .failure(
                Refusal(
                    "the request is not signed: it needs the headers \(SignedRequest.keyHeader), "
                        + "\(SignedRequest.timeHeader) and \(SignedRequest.signatureHeader)"))
        }
        guard let time = Int64(timeText), abs(time) < 1 << 40 else {
            return .failure(Refusal("\(SignedRequest.timeHeader) must be Unix seconds"))
        }
        let clock = now()
        let signedAt = Date(timeIntervalSince1970: TimeInterval(time))
        guard abs(signedAt.timeIntervalSince(clock)) <= SignedRequest.window else {
            return .failure(
                Refusal(
                    "the request was signed at \(ISO8601DateFormatter().string(from: signedAt)), more than 5 minutes "
                        + "from the hub's clock (\(ISO8601DateFormatter().string(from: clock)))"))
        }
        let nonce = header(SignedRequest.nonceHeader) ?? ""
        guard nonce.isEmpty || SignedRequest.isNonce(nonce) else {
            return .failure(Refusal("\(SignedRequest.nonceHeader) must be 1 to 64 lowercase hex digits"))
        }
        let signed = SignedRequest(
            method: request.method.rawValue, path: request.head.path ?? "", time: time, body: body, nonce: nonce)
        let sender: RequestSender
        if name == SignedRequest.officeKeyName {
            guard let office = try await database.officeKey() else {
                return .failure(Refusal("the hub has no office key yet; run `ecv hub migrate --office-key`"))
            }
            guard signed.isSigned(by: office, signature: signature) else {
                return .failure(Refusal("the signature is not the office key's"))
            }
            sender = .officeKey
        } else {
            guard name.utf8.count <= 64, let key = try await database.enrolledKey(named: name) else {
                return .failure(Refusal("key `\(name.prefix(64))` is not enrolled at this hub"))
            }
            guard signed.isSigned(by: key.publicKey, signature: signature) else {
                return .failure(Refusal("the signature is not the enrolled key of `\(name)`"))
            }
            sender = .enrolled(key)
        }
        guard try await database.firstUse(ofSignature: signature, by: name, signedAt: signedAt, now: clock) else {
            // A push seen before changes nothing when the hub holds its bytes: a copy a network made may overtake
            // the original, and the laptop, which sent it once, is owed the receipt, not a refusal of work taken.
            if request.method == .post, request.uri.path == "/v1/bundles", case .enrolled = sender,
                try await database.receipt(signed.bodySHA256) != nil
            {
                return .success(sender)
            }
            return .failure(Refusal("this request was sent before; a signed request is taken once"))
        }
        return .success(sender)
    }

    private struct Refusal: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
