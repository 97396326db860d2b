import Crypto
import ECVHub
import ECVTestSupport
import Foundation
import Logging
import ServiceLifecycle

/// A hub served in this process, as `ecv hub serve --database URL` serves it.
///
/// The sync API on 127.0.0.1 on a migrated PostgreSQL database. It can be stopped and started again on the same database and port, as a hub is
/// restarted.
final class InProcessHub: @unchecked Sendable {
    /// The hub's database, which outlives its restarts.
    let databaseURL: String
    /// The port it listens on, the same after a restart.
    private(set) var port = 0
    private(set) var database: HubDatabase
    private var serving: Serving?
    private let now: @Sendable () -> Date

    /// A server and its end, once it listens.
    private struct Serving {
        var group: ServiceGroup
        var ended: Outcome<Bool>
    }

    /// Migrates the database at `databaseURL`, sets the office key and starts serving on a free port.
    init(databaseURL: String, officeKey: Curve25519.Signing.PublicKey, now: @escaping @Sendable () -> Date) throws {
        self.databaseURL = databaseURL
        self.now = now
        let database = try HubDatabase(databaseURL)
        self.database = database
        _ = try waitFor {
            try await database.migrate()
            try await database.setOfficeKey(officeKey)
            return true
        }
        try serve()
    }

    /// The address clients sync with.
    var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    /// Stops serving and closes the database's connections, then opens them again and serves on the same port.
    func restart() throws {
        stop()
        database = try HubDatabase(databaseURL)
        try serve()
    }

    /// Stops serving as SIGTERM stops `ecv hub serve` (requests under way are answered first), waits for the
    /// server's end and closes the database's connections.
    func stop() {
        guard let serving else { return }
        self.serving = nil
        let group = serving.group
        _ = try? waitFor {
            await group.triggerGracefulShutdown()
            return true
        }
        _ = serving.ended.wait()
        let database = self.database
        _ = try? waitFor {
            await database.close()
            return true
        }
    }

    /// Serves on `port`, or the first time on a free port below the system's ephemeral range.
    ///
    /// Below that range no connection made while the hub restarts (to PostgreSQL, by another test's client) can
    /// take the port as its own end (`ListeningPort`). A port still held by the server just stopped is tried again.
    private func serve() throws {
        let keepsItsPort = port != 0
        var attempt = 0
        while true {
            attempt += 1
            let candidate = keepsItsPort ? port : ListeningPort.belowTheEphemeralRange()
            do {
                return try serveOnce(on: candidate)
            } catch is InProcessHubError where attempt < 50 {
                // The port the hub had may still be let go by the system for a moment; a new one may be taken.
                Thread.sleep(forTimeInterval: keepsItsPort ? 0.1 : 0)
            }
        }
    }

    private func serveOnce(on port: Int) throws {
        let server = HubServer(
            configuration: HubServer.Configuration(host: "127.0.0.1", port: port, now: now), database: database)
        let listening = Outcome<Int>()
        let ended = Outcome<Bool>()
        let application = try server.application { port in listening.end(.success(port)) }
        var logger = Logger(label: "ecv season hub")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: logger))
        let task = Task {
            do {
                try await group.run()
                listening.end(.failure(InProcessHubError.endedBeforeListening("")))
            } catch {
                listening.end(.failure(InProcessHubError.endedBeforeListening("\(error)")))
            }
            ended.end(.success(true))
        }
        switch listening.wait(until: .now() + 60) {
        case .success(let port):
            self.port = port
            serving = Serving(group: group, ended: ended)
        case .failure(let error):
            task.cancel()
            throw error
        case nil:
            task.cancel()
            throw InProcessHubError.endedBeforeListening("it did not listen within a minute")
        }
    }
}

/// Why the hub in this process did not serve.
enum InProcessHubError: Error, CustomStringConvertible {
    case endedBeforeListening(String)

    var description: String {
        switch self {
        case .endedBeforeListening(let reason): return "the hub stopped before it listened: \(reason)"
        }
    }
}
