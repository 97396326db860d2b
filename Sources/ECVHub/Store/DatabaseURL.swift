import Foundation

/// Where the hub's database is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`.
///
/// Without `sslmode`, a server on the loopback address is reached without TLS and any other with TLS when the
/// server offers it (`prefer`), as libpq does.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port, 5432 unless given.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// Its password, when the URL gives one.
    public var password: String?
    /// The database's name.
    public var database: String
    /// Whether and how the connection uses TLS.
    public var tls: TLSMode

    /// Reads `text`; a URL that is not a PostgreSQL URL with a user and a database is refused with the reason.
    public init(_ text: String) throws(HubError) {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme,
            ["postgres", "postgresql"].contains(scheme), let host = parts.host, !host.isEmpty
        else {
            throw .badDatabaseURL(text, "expected postgres://USER@HOST[:PORT]/DATABASE")
        }
        guard let user = parts.user, !user.isEmpty else { throw .badDatabaseURL(text, "it names no user") }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .badDatabaseURL(text, "it names no database")
        }
        let port = parts.port ?? 5432
        guard (1...65535).contains(port) else { throw .badDatabaseURL(text, "port \(port) is out of range") }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        var tls: TLSMode = loopback ? .disable : .prefer
        for item in parts.queryItems ?? [] {
            guard item.name == "sslmode", let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw .badDatabaseURL(text, "only `sslmode=disable|prefer|require` may follow `?`")
            }
            tls = mode
        }
        self.host = host
        self.port = port
        self.user = user.removingPercentEncoding ?? user
        password = parts.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The URL without its password, for messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
