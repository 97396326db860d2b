import ArgumentParser
import ECVModel
import ECVReports
import ECVStore
import Foundation

/// `ecv keys init`: the office's signing keys.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "The office's Ed25519 keys for signing reports.",
        subcommands: [InitKeysCommand.self]
    )
}

struct InitKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the office's key pair (the private key readable by its owner only); never replaces one."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions

    func run() throws {
        let folder = keyOptions.folder(global)
        do {
            let signer = try ReportSigner.createKeys(in: folder)
            Output.write(
                "created \(folder.appendingPathComponent(ReportSigner.privateKeyName).path) (fingerprint \(signer.fingerprint))\n"
            )
        } catch {
            throw CLIError.badFile(error.description)
        }
    }
}
