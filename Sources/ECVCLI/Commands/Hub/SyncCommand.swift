import ArgumentParser
import ECVHubClient
import ECVHubSync
import ECVReports
import ECVStore
import ECVSync
import Foundation

/// `ecv sync --hub URL`: sends what this laptop (or the office) recorded to the hub and takes what the hub holds
/// for it, the same bundles and checks as `ecv export` and `ecv import`.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send what was recorded here to the hub and take what it holds for this laptop or the office.",
        discussion: """
            Needs this laptop's key (`ecv keys init --laptop NAME`), enrolled at the hub (`ecv hub enroll`), and the office's public key in ROOT/keys (office-ed25519.pub), with which the keys the hub hands on are checked.

            At the office (where the office's private key is) it first sends Routes/ and Checklists/, then what was recorded since the last export with the published plan; at a laptop, what was recorded since the last export. The work counts as exported once the hub has given its receipt: a sync cut off sends it again, and the hub takes each record once.

            Then it takes, in order: the keys of the senders (each signed by the office), at a laptop the files the published plan was made from (listing each file that changes; the files replaced are kept in ROOT/previous-files/), and every bundle, each imported with the checks of `ecv import`. The next sync goes on from there.

            A hub whose certificate is signed by an authority of the office's own (not one the system trusts) is trusted with --hub-ca and that authority's PEM certificate; without it such a hub is refused.

            Examples:
              ecv sync --hub https://hub.example:8443
              ecv sync --hub https://10.0.0.5:8443 --hub-ca keys/hub-ca.crt
            """
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var connection: HubConnectionOptions

    func run() async throws {
        guard let key = try global.laptopKey() else {
            throw CLIError.badFile(KeyError.noLaptopKey(global.keysFolder.path).description)
        }
        let office: ReportSigner
        do {
            office = try ReportSigner.load(from: global.keysFolder)
        } catch {
            throw CLIError.said(
                "the office's public key is not in \(global.keysFolder.path) (\(ReportSigner.publicKeyName)); "
                    + "copy it from the office: keys the hub hands on are checked with it")
        }
        let client = try connection.client(
            signedBy: HubClient.Signer(name: key.name) { try key.signature(for: $0) })
        let sync = HubSync(
            client: client, key: key, officeKey: office.publicKey, atOffice: office.canSign, root: global.rootURL,
            store: try global.openStore(), databasePath: global.databasePath, actor: try global.actor(),
            loadCatalog: global.loadCatalog)
        for line in try await sync.run(at: Date()) { Output.write(Terminal.safeLines(line) + "\n") }
    }
}
