import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The laptop's and the office's side of the hub's sync API: every request signed, replies decoded into types.
public struct HubClient: Sendable {
    /// Signs requests under an enrolled name (or `@office`): `sign` returns the base64 signature of its bytes.
    public struct Signer: Sendable {
        /// The enrolled name the requests are signed under, `@office` for the office key.
        public var name: String
        /// Returns the base64 Ed25519 signature of its argument.
        public var sign: @Sendable (Data) throws -> String

        /// A signer for `name` that signs with `sign`.
        public init(name: String, sign: @escaping @Sendable (Data) throws -> String) {
            self.name = name
            self.sign = sign
        }
    }

    /// `https://hub.example:8443`, without a path.
    public let hub: URL
    /// Who signs the requests.
    public let signer: Signer
    /// The clock requests are signed with.
    public var now: @Sendable () -> Date = Date.init
    /// How often a push or pull is tried when the hub cannot be reached or fails (5xx); refusals are final.
    public var attempts = 6
    /// The first wait between attempts, doubled after each; each wait is drawn between half of it and all of it.
    ///
    /// The first retry comes soon because the usual cause is one lost reply, and the hub answers a push it has
    /// already taken from its receipt; the doubling gives a hub that restarts 4 to 8 s over six attempts, and the
    /// random part keeps laptops that lost the hub together from coming back in step.
    public var firstBackoff: TimeInterval = 0.25
    /// The authorities the hub's certificate must be signed by, instead of the system's (a hub with a certificate
    /// of the office's own); see `trustedCertificates(inPEMFile:)`.
    public var trustedCertificates: [NIOSSLCertificate]?
    /// An HTTP client of the caller's to send through (a load test opens one per laptop, as many connections as
    /// laptops); `nil`, the default: one made for each request with `trustedCertificates` and no retries of its own.
    public var http: HTTPClient?

    /// A client of the hub at `hub` whose requests `signer` signs; six attempts with back-off, the system's trust.
    public init(hub: URL, signer: Signer) {
        self.hub = hub
        self.signer = signer
    }

    /// Pushes a bundle, byte for byte as exported; returns the hub's receipt.
    public func push(bundle: Data) async throws(HubClientError) -> Receipt {
        try await decode(Receipt.self, from: send("POST", "/v1/bundles", bundle, type: "application/octet-stream"))
    }

    /// What this sender should hold since `cursor`.
    public func pull(since cursor: Int64) async throws(HubClientError) -> Pull {
        try await decode(Pull.self, from: send("GET", "/v1/pull?since=\(cursor)", Data(), type: nil))
    }

    /// Enrolls a key; the request must be signed by the office key.
    public func enroll(_ enrollment: Enrollment) async throws(HubClientError) -> EnrollmentReply {
        try await decode(
            EnrollmentReply.self, from: send("POST", "/v1/keys", try json(enrollment), type: "application/json"))
    }

    /// Pushes the office's Routes/ and Checklists/ files; returns how many were new at the hub.
    public func pushCatalog(_ files: [Pull.File]) async throws(HubClientError) -> Int {
        struct Stored: Decodable { var stored: Int }
        let body = try json(CatalogPush(files: files))
        return try await decode(Stored.self, from: send("POST", "/v1/catalog", body, type: "application/json")).stored
    }

    /// Sends one signed request, again after a growing pause while the hub cannot be reached or fails; a fresh
    /// signature each time, since the hub takes each signature once.
    func send(_ method: String, _ path: String, _ body: Data, type: String?) async throws(HubClientError) -> Data {
        var wait = firstBackoff
        var attempt = 1
        while true {
            do {
                return try await sendOnce(method, path, body, type: type)
            } catch let error where error.isWorthRetrying && attempt < attempts {
                try? await Task.sleep(nanoseconds: UInt64(wait * Double.random(in: 0.5...1) * 1e9))
                wait *= 2
                attempt += 1
            }
        }
    }

    private func sendOnce(_ method: String, _ path: String, _ body: Data, type: String?) async throws(HubClientError)
        -> Data
    {
        let url = hub.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path
        let signed = SignedRequest(
            method: method, path: path, time: Int64(now().timeIntervalSince1970), body: body,
            nonce: SignedRequest.makeNonce())
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        do {
            for (name, value) in signed.headers(name: signer.name, signature: try signer.sign(signed.signedText)) {
                request.headers.add(name: name, value: value)
            }
        } catch {
            throw .cannotSign("\(error)")
        }
        if let type { request.headers.add(name: "Content-Type", value: type) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        let status: Int
        let reply: ByteBuffer
        do {
            (status, reply) = try await withHTTPClient { http in
                let response = try await http.execute(request, timeout: .seconds(120))
                return (Int(response.status.code), try await response.body.collect(upTo: 1 << 30))
            }
        } catch {
            throw .sending(to: hub.absoluteString, error)
        }
        let data = Data(reply.readableBytesView)
        guard status == 200 else {
            let reason = (try? JSONDecoder().decode(ProblemReply.self, from: data))?.reason
            throw .refused(status: status, reason: reason ?? String(decoding: data.prefix(200), as: UTF8.self))
        }
        return data
    }

    private func json(_ value: some Encodable) throws(HubClientError) -> Data {
        do {
            return try JSONEncoder().encode(value)
        } catch {
            throw .badReply("cannot encode the request: \(error)")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(HubClientError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .badReply("the hub's reply is not a \(T.self): \(error)")
        }
    }
}

/// What went wrong talking to the hub.
public enum HubClientError: Error, CustomStringConvertible, Equatable {
    case unreachable(String, String)
    /// The hub answered with a refusal: its status and reason.
    case refused(status: Int, reason: String)
    case badReply(String)
    case cannotSign(String)
    /// The hub's certificate is not trusted here: the hub and why.
    case untrusted(String, String)
    /// A file of trusted certificates that cannot be used: its path and why.
    case badTrustFile(String, String)

    /// Whether another attempt may succeed: the hub was not reached or failed itself.
    var isWorthRetrying: Bool {
        switch self {
        case .unreachable: return true
        case .refused(let status, _): return status >= 500
        case .badReply, .cannotSign, .untrusted, .badTrustFile: return false
        }
    }

    /// The problem in one line, with what to do where the client knows.
    public var description: String {
        switch self {
        case .unreachable(let hub, let reason): return "cannot reach the hub at \(hub): \(reason)"
        case .refused(let status, let reason): return "the hub refused (\(status)): \(reason)"
        case .badReply(let reason): return reason
        case .cannotSign(let reason): return "cannot sign the request: \(reason)"
        case .untrusted(let hub, let reason): return "the hub at \(hub) is not trusted: \(reason)"
        case .badTrustFile(let path, let reason): return "\(path): \(reason)"
        }
    }
}
