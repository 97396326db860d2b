import AsyncHTTPClient
import Foundation
import NIOSSL

extension HubClient {
    /// The certificates in the PEM file at `path`: the authority a hub's own certificate is checked against.
    public static func trustedCertificates(inPEMFile path: String) throws(HubClientError) -> [NIOSSLCertificate] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .badTrustFile(path, "cannot read the file")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw .badTrustFile(path, "not a PEM certificate")
        }
        guard !certificates.isEmpty else { throw .badTrustFile(path, "no certificate in it") }
        return certificates
    }

    /// Runs `body` with the caller's `http`, or else with an HTTP client of its own, shut down afterwards.
    ///
    /// A hub that cannot be reached fails the attempt at once: the client's own retries (`attempts`, `firstBackoff`)
    /// say how long to keep trying, where the HTTP library would try to connect again for 90 seconds each time. A
    /// connection that goes silent for a minute (a link that stalls, a hub that hangs) fails the attempt too,
    /// rather than holding the sync forever.
    /// With `trustedCertificates` the hub's certificate must be signed by one of them, and by nothing else.
    func withHTTPClient<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        if let http { return try await body(http) }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let trustedCertificates { tls.trustRoots = .certificates(trustedCertificates) }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: .seconds(60)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return try await HTTPClient.withHTTPClient(configuration: configuration) { try await body($0) }
    }
}

extension HubClientError {
    /// The error of a request that did not get an answer from `hub`: a hub whose certificate is not trusted is
    /// said so, and trying again would not change it; anything else may pass.
    static func sending(to hub: String, _ error: any Error) -> HubClientError {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return .untrusted(hub, "its certificate is not for \(URL(string: hub)?.host ?? hub)")
        }
        if case .handshakeFailed(let reason) = error as? NIOSSLError {
            let text = "\(reason)"
            return .untrusted(
                hub,
                text.contains("CERTIFICATE_VERIFY_FAILED")
                    ? "its certificate is not signed by an authority trusted here" : "the TLS handshake failed: \(text)"
            )
        }
        return .unreachable(hub, "\(error)")
    }
}
