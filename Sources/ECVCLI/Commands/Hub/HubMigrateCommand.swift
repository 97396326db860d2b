import ArgumentParser
import ECVHub
import ECVSync
import Foundation

/// `ecv hub migrate`: brings the hub's database up to date and records the office's key.
struct HubMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the hub's tables and record the office's public key.",
        discussion: """
            Applies every migration the database lacks, each in its own transaction, and records the office key (keys/office-ed25519.pub from `ecv keys init`), which signs enrollments and publications. Running it again changes nothing; another office key is refused.

            Examples:
              ecv hub migrate --database postgres://ecv@127.0.0.1/ecv_hub --office-key keys/office-ed25519.pub
            """
    )

    @Option(help: ArgumentHelp("The hub's PostgreSQL database.", valueName: "postgres://user@host[:port]/name"))
    var database: String

    @Option(name: .customLong("office-key"), help: ArgumentHelp("The office's public key.", valueName: "file.pub"))
    var officeKey: String

    func run() async throws {
        let key = try CLIError.readingKey { () throws(KeyError) in try KeyPair.publicKey(at: officeKey) }
        let hub = try HubDatabase(database)
        let applied: [Int]
        do {
            applied = try await hub.migrate()
            try await hub.setOfficeKey(key)
        } catch {
            await hub.close()
            throw error
        }
        await hub.close()
        let numbers = applied.map(String.init).joined(separator: ", ")
        let done =
            applied.isEmpty ? "already up to date" : "migration\(applied.count == 1 ? "" : "s") \(numbers) applied"
        Output.write("\(hub.url): \(done) (schema \(HubDatabase.schemaVersion)); office key \(key.fingerprint)\n")
    }
}
