import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The hub's PostgreSQL database: a pool of connections running until `close()`.
public final class HubDatabase: Sendable {
    /// Where it is, for messages.
    public let url: DatabaseURL
    let client: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger
    /// The catalog pushes are checked against, read once per version.
    let catalogs = CatalogCache()

    /// Opens a pool on `url`; connections are made when first used, so a wrong address shows at the first query.
    public init(url: DatabaseURL, maximumConnections: Int = 8) {
        self.url = url
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: HubDatabase.tls(url.tls))
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(10)
        var logger = Logger(label: "ecv.hub.database")
        logger.logLevel = .critical
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    /// Opens the database at `text`, a `postgres://` URL.
    public convenience init(_ text: String) throws(HubError) {
        self.init(url: try DatabaseURL(text))
    }

    private static func tls(_ mode: DatabaseURL.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(.makeClientConfiguration())
        case .require: return .require(.makeClientConfiguration())
        }
    }

    /// Closes every connection; the value is of no use afterwards.
    public func close() async {
        running.cancel()
        _ = await running.value
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(HubError) -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            throw HubError.database(error.closureError ?? error.beginError ?? error.commitError ?? error, at: url)
        } catch {
            throw HubError.database(error, at: url)
        }
    }

    /// Runs one statement outside a transaction and returns its rows.
    func rows(_ query: PostgresQuery) async throws(HubError) -> [PostgresRow] {
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw HubError.database(error, at: url)
        }
    }
}

extension HubDatabase {
    /// The name of the database the connections reach: the first query, which shows a wrong address.
    public func currentDatabaseName() async throws(HubError) -> String {
        try await transaction { connection in
            try await connection.query("SELECT current_database()", logger: logger).collect().first?
                .decode(String.self) ?? ""
        }
    }
}
