import ECVHub
import ECVTestSupport
import Foundation

/// The real `ecv hub serve` on a database of a throwaway PostgreSQL cluster, migrated with `ecv hub migrate`, for
/// as long as the value is not stopped; its database stays reachable for a test to count rows.
public final class RunningHub: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// The port the hub listens on.
    public let port: Int
    /// The hub's database, `postgres://…`.
    public let databaseURL: String
    private let cluster: TemporaryCluster
    private let process: ECVRunner.Running

    /// Starts a cluster, migrates its database with `officeKey` (a public key file) and serves it.
    public init(officeKey: String) throws {
        cluster = try TemporaryCluster(database: "ecv_hub")
        databaseURL = cluster.url
        let migrated = try ECVRunner.run(["hub", "migrate", "--database", databaseURL, "--office-key", officeKey])
        guard migrated.status == 0 else {
            cluster.stop()
            throw TestSupportError.setup("ecv hub migrate: \(migrated.stderr)")
        }
        let hub = try ECVRunner.start(["hub", "serve", "--database", databaseURL, "--port", "0"])
        guard let line = hub.line(containing: "listening on", within: 120),
            let range = line.range(of: "http://127.0.0.1:[0-9]+", options: .regularExpression),
            let port = Int(line[range].split(separator: ":").last ?? "")
        else {
            hub.kill()
            let output = try hub.wait()
            cluster.stop()
            throw TestSupportError.setup("the hub did not start: \(output.stdout) \(output.stderr)")
        }
        process = hub
        url = String(line[range])
        self.port = port
    }

    /// The hub's process id, to read its memory.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Stops the hub as Ctrl-C does, waits for it, then removes the cluster; returns what the hub printed.
    @discardableResult
    public func stop() throws -> ECVRunner.Result {
        process.interrupt()
        let result = try process.wait()
        cluster.stop()
        return result
    }

    /// The one number `sql` gives on the hub's database, as `psql` prints it.
    public func integer(_ sql: String) async throws -> Int {
        try PostgreSQLShell.count(sql, on: databaseURL)
    }
}
