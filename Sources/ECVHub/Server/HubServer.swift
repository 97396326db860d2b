import ECVHubClient
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import OpenAPIHummingbird

/// The hub's HTTP(S) server: the sync API of `docs/hub-openapi.yaml` on the hub's database.
public struct HubServer: Sendable {
    /// Where and how the hub listens.
    public struct Configuration: Sendable {
        /// The address to listen on; any but loopback needs `tls`.
        public var host: String
        /// The TCP port; 0 takes a free one.
        public var port: Int
        /// PEM files of the certificate chain and its private key; `nil` for plain HTTP, which only the loopback
        /// address may serve (behind a reverse proxy that speaks TLS).
        public var tls: (certificate: String, key: String)?
        /// The hub's clock: signatures are held against it.
        public var now: @Sendable () -> Date
        /// The largest request body taken.
        public var bodyLimit: Int

        /// A configuration for plain HTTP on 127.0.0.1:8443 by default, the system clock, bodies up to 256 MiB.
        public init(
            host: String = "127.0.0.1", port: Int = 8443, tls: (certificate: String, key: String)? = nil,
            now: @escaping @Sendable () -> Date = Date.init, bodyLimit: Int = 256 << 20
        ) {
            self.host = host
            self.port = port
            self.tls = tls
            self.now = now
            self.bodyLimit = bodyLimit
        }

        /// Whether the address is this machine's alone.
        public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
    }

    /// How the server was started.
    public let configuration: Configuration
    /// The database it serves.
    public let database: HubDatabase

    /// A server of `database`.
    public init(configuration: Configuration, database: HubDatabase) {
        self.configuration = configuration
        self.database = database
    }

    /// The application, ready to run; `onRunning` gets the port it listens on.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws(HubServerError)
        -> some ApplicationProtocol
    {
        var logger = Logger(label: "ecv hub")
        logger.logLevel = .warning
        let router = Router()
        router.add(
            middleware: SignatureCheck(database: database, now: configuration.now, bodyLimit: configuration.bodyLimit))
        router.add(middleware: UnreadableRequest())
        HubPages(
            database: database, now: configuration.now, cookies: SessionCookies(secure: configuration.tls != nil),
            throttle: SignInThrottle()
        ).register(on: router)
        do {
            try HubAPI(database: database, now: configuration.now, bodyLimit: configuration.bodyLimit)
                .registerHandlers(on: router)
        } catch {
            throw .cannotStart("the API's routes: \(error)")
        }
        let address = BindAddress.hostname(configuration.host, port: configuration.port)
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            server = try HubServer.tlsServer(certificate: tls.certificate, key: tls.key)
        } else {
            guard configuration.isLoopback else { throw .plainHTTPOffLoopback(configuration.host) }
            server = .http1()
        }
        return Application(
            router: router, server: server, configuration: .init(address: address, serverName: "ecv-hub"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    private static func tlsServer(certificate: String, key: String) throws(HubServerError) -> HTTPServerBuilder {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            guard !chain.isEmpty else { throw HubServerError.badTLSFile(certificate, "no certificate in it") }
            let privateKey: NIOSSLPrivateKey
            do {
                privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            } catch {
                throw HubServerError.badTLSFile(key, "not a PEM private key")
            }
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(privateKey))
            return try .tls(.http1(), tlsConfiguration: tls)
        } catch let error as HubServerError {
            throw error
        } catch {
            throw .badTLSFile(certificate, "not a PEM certificate chain")
        }
    }
}

/// Why the hub does not start.
public enum HubServerError: Error, CustomStringConvertible, Equatable {
    case plainHTTPOffLoopback(String)
    case badTLSFile(String, String)
    case cannotStart(String)

    /// The problem in one line.
    public var description: String {
        switch self {
        case .plainHTTPOffLoopback(let host):
            return "the hub serves plain HTTP on 127.0.0.1 only; on \(host) give --tls-cert and --tls-key"
        case .badTLSFile(let path, let reason): return "\(path): \(reason)"
        case .cannotStart(let reason): return "the hub cannot start: \(reason)"
        }
    }
}
