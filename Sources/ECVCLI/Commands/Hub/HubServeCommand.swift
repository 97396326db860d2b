import ArgumentParser
import Crypto
import ECVHub
import ECVSync
import Foundation

/// `ecv hub serve`: the hub's sync API on its PostgreSQL database.
struct HubServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the hub's sync API: laptops push bundles and pull the plan and each other's work.",
        discussion: """
            Every request must be signed by an enrolled key (`ecv hub enroll`) or, to enroll keys, by the office key; see docs/hub.md. Plain HTTP is served on 127.0.0.1 only, for a reverse proxy that speaks TLS; on any other address give --tls-cert and --tls-key. The database must be migrated first (`ecv hub migrate`).

            --temporary-database starts a throwaway PostgreSQL cluster instead (initdb into a temporary folder, a free port on 127.0.0.1; PostgreSQL's programs must be installed) and removes it when the hub stops.

            Examples:
              ecv hub serve --temporary-database --office-key keys/office-ed25519.pub
              ecv hub serve --database postgres://ecv@127.0.0.1/ecv_hub --host 0.0.0.0 --tls-cert hub.crt --tls-key hub.key
            """
    )

    @Option(help: ArgumentHelp("The hub's PostgreSQL database.", valueName: "postgres://user@host[:port]/name"))
    var database: String?

    @Flag(name: .customLong("temporary-database"), help: "A throwaway PostgreSQL cluster, removed on exit.")
    var temporaryDatabase = false

    @Option(
        name: .customLong("office-key"),
        help: ArgumentHelp("The office's public key (needed with --temporary-database).", valueName: "file.pub"))
    var officeKey: String?

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 for any free one.")
    var port = 8443

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain.", valueName: "file"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of the certificate.", valueName: "file"))
    var tlsKey: String?

    func validate() throws {
        guard (database == nil) != !temporaryDatabase else {
            throw ValidationError("give either --database URL or --temporary-database")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        if tlsCertificate == nil && !HubServer.Configuration(host: host).isLoopback {
            throw ValidationError("plain HTTP is served on 127.0.0.1 only; on \(host) give --tls-cert and --tls-key")
        }
        if temporaryDatabase && officeKey == nil {
            throw ValidationError("--temporary-database needs --office-key: a new database knows no office key")
        }
    }

    func run() async throws {
        let key = try officeKey.map { path in
            try CLIError.readingKey { () throws(KeyError) in try KeyPair.publicKey(at: path) }
        }
        let cluster = try temporaryDatabase ? TemporaryCluster() : nil
        defer { cluster?.stop() }
        let hub = try HubDatabase(cluster?.url ?? database ?? "")
        do {
            try await serve(hub, officeKey: key, migrating: cluster != nil)
        } catch {
            await hub.close()
            throw error
        }
        await hub.close()
    }

    private func serve(_ hub: HubDatabase, officeKey: Curve25519.Signing.PublicKey?, migrating: Bool) async throws {
        if migrating {
            try await hub.migrate()
        } else {
            let applied = try await hub.appliedMigrations()
            guard applied.last == HubDatabase.schemaVersion else {
                throw CLIError.said(
                    "the hub database \(hub.url) is at migration \(applied.last ?? 0) of \(HubDatabase.schemaVersion); "
                        + "run `ecv hub migrate --database … --office-key …` first")
            }
        }
        if let officeKey { try await hub.setOfficeKey(officeKey) }
        let tls = tlsCertificate.flatMap { certificate in tlsKey.map { (certificate: certificate, key: $0) } }
        let server = HubServer(
            configuration: HubServer.Configuration(host: host, port: port, tls: tls), database: hub)
        let scheme = tls == nil ? "http" : "https"
        let host = self.host
        let database = hub.url
        do {
            try await server.application { port in
                let address = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                FileHandle.standardOutput.write(Data("ecv hub: listening on \(address) (database \(database))\n".utf8))
            }.runService()
        } catch let error as HubServerError {
            throw CLIError.said(error.description)
        }
    }
}
