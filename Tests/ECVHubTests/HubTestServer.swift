import AsyncHTTPClient
import Crypto
import ECVHubClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1

@testable import ECVHub

/// A hub on a new database of the test cluster, served on 127.0.0.1 at a free port for the length of a test, with
/// a new office key.
struct HubTestServer: Sendable {
    let database: HubDatabase
    let port: Int
    let officeKey: Curve25519.Signing.PrivateKey
    let now: @Sendable () -> Date

    /// A client that signs as the office key.
    var office: HubClient {
        client(signedBy: SignedRequest.officeKeyName, officeKey)
    }

    /// A client that signs with `key` under `name`, on the hub's clock; with `via`, through that port (a proxy's).
    func client(signedBy name: String, _ key: Curve25519.Signing.PrivateKey, via: Int? = nil) -> HubClient {
        client(signedBy: name, via: via) { data in try key.signature(for: data).base64EncodedString() }
    }

    /// A client that signs with `sign` (base64 signature of its bytes) under `name`, on the hub's clock; with
    /// `via`, through that port (a proxy's).
    func client(signedBy name: String, via: Int? = nil, _ sign: @escaping @Sendable (Data) throws -> String)
        -> HubClient
    {
        var client = HubClient(
            hub: URL(string: "http://127.0.0.1:\(via ?? port)") ?? URL(fileURLWithPath: "/"),
            signer: HubClient.Signer(name: name, sign: sign))
        client.now = now
        client.attempts = 1
        return client
    }

    /// An enrollment of `key` as laptop (or office) `name`, signed by the office key.
    func enrollment(_ name: String, _ key: Curve25519.Signing.PublicKey, role: String = "laptop", team: String? = nil)
        -> Enrollment
    {
        let publicKey = key.rawRepresentation.base64EncodedString()
        let signature =
            (try? officeKey.signature(
                for: Data(Enrollment.signedText(name: name, role: role, publicKey: publicKey).utf8)))?
            .base64EncodedString() ?? ""
        return Enrollment(name: name, role: role, publicKey: publicKey, team: team, officeSignature: signature)
    }

    /// Runs `body` against a live hub and stops it afterwards.
    static func with(
        now: @escaping @Sendable () -> Date = Date.init, _ body: @Sendable (HubTestServer) async throws -> Void
    ) async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            let office = Curve25519.Signing.PrivateKey()
            try await database.setOfficeKey(office.publicKey)
            let server = HubServer(
                configuration: HubServer.Configuration(host: "127.0.0.1", port: 0, now: now), database: database)
            try await server.application().test(.live) { client in
                try await body(
                    HubTestServer(database: database, port: client.port ?? 0, officeKey: office, now: now))
            }
        }
    }
}

extension HubTestServer {
    /// A request with exactly `headers` and `body`, as a replaying attacker would send it: the status and the body.
    func send(_ path: String, method: HTTPMethod = .GET, headers: [(String, String)], body: Data = Data())
        async throws -> (status: Int, body: String)
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let reply = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(decoding: reply.readableBytesView, as: UTF8.self))
    }
}
