import Foundation
import PostgresNIO

/// What can go wrong at the hub, in words an operator can act on.
public enum HubError: Error, CustomStringConvertible, Equatable {
    case badDatabaseURL(String, String)
    /// The database could not be reached or refused a statement: where, and PostgreSQL's own message.
    case database(String)
    /// The database holds a schema newer than this `ecv` knows.
    case newerSchema(Int, known: Int)
    /// The hub already has another office key.
    case otherOfficeKey(String)

    /// The problem in one line.
    public var description: String {
        switch self {
        case .badDatabaseURL(let url, let reason): return "--database `\(url)` is not a PostgreSQL URL: \(reason)"
        case .database(let message): return "hub database: \(message)"
        case .newerSchema(let found, let known):
            return "the hub database has migration \(found); this ecv knows up to \(known): update ecv"
        case .otherOfficeKey(let fingerprint):
            return "the hub already has another office key (fingerprint \(fingerprint)); it is never replaced"
        }
    }

    /// A PostgreSQL or connection error as one line: the server's message and detail, or what failed on the way.
    static func database(_ error: any Error, at url: DatabaseURL) -> HubError {
        if let hub = error as? HubError { return hub }
        guard let psql = error as? PSQLError else { return .database("\(url): \(error)") }
        if let info = psql.serverInfo, let message = info[.message] {
            let detail = info[.detail].map { " (\($0))" } ?? ""
            return .database("\(message)\(detail)")
        }
        let underlying = psql.underlying.map { ": \($0)" } ?? ""
        switch psql.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .sslUnsupported:
            return .database("cannot reach \(url)\(underlying)")
        default:
            return .database("\(url): \(psql.code)\(underlying)")
        }
    }
}
