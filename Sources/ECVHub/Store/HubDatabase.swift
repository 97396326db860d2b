import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The hub's PostgreSQL database: two pools of connections running until `close()`.
///
/// Pushes write one at a time (`pushLock`), so a push that waits its turn with a connection holds it idle. They
/// write through a small pool of their own, `writers`, and wait for its connections in the hub: the main pool stays
/// free for what is quick — signature checks, the receipt a retried push asks for, pulls and pages — however many
/// laptops push at once.
public final class HubDatabase: Sendable {
    /// Where it is, for messages.
    public let url: DatabaseURL
    let client: PostgresClient
    /// The pool pushes store their rows through.
    let writers: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger
    /// The catalog pushes are checked against, read once per version.
    let catalogs = CatalogCache()

    /// Opens a pool on `url`; connections are made when first used, so a wrong address shows at the first query.
    ///
    /// Pushes write through `writers` connections of their own (two: one commits while the next is ready).
    public init(url: DatabaseURL, maximumConnections: Int = 8, writers: Int = 2) {
        self.url = url
        var logger = Logger(label: "ecv.hub.database")
        logger.logLevel = .critical
        self.logger = logger
        let client = PostgresClient(
            configuration: HubDatabase.configuration(url, connections: maximumConnections), backgroundLogger: logger)
        var writing = HubDatabase.configuration(url, connections: max(1, writers))
        // A push is one statement that commits itself: if the hub dies while it waits for its turn, PostgreSQL
        // notices within a second and drops it, rather than finishing a push nobody will hear the receipt of.
        writing.options.additionalStartupParameters = [("client_connection_check_interval", "1000")]
        let writers = PostgresClient(configuration: writing, backgroundLogger: logger)
        self.client = client
        self.writers = writers
        running = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                group.addTask { await writers.run() }
            }
        }
    }

    private static func configuration(_ url: DatabaseURL, connections: Int) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: HubDatabase.tls(url.tls))
        configuration.options.maximumConnections = connections
        configuration.options.connectTimeout = .seconds(10)
        return configuration
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

    /// Runs one statement outside a transaction and returns its rows; `writing` on the pushes' own pool.
    func rows(writing: Bool = false, _ query: PostgresQuery) async throws(HubError) -> [PostgresRow] {
        do {
            return try await (writing ? writers : client).query(query, logger: logger).collect()
        } catch {
            throw HubError.database(error, at: url)
        }
    }

    /// Runs one statement outside a transaction and reads each of its rows with `read`.
    func rows<T>(writing: Bool = false, _ query: PostgresQuery, _ read: (PostgresRow) throws -> T)
        async throws(HubError) -> [T]
    {
        let rows = try await rows(writing: writing, query)
        do {
            return try rows.map(read)
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
