import ArgumentParser
import ECVModel
import ECVReports
import ECVStore
import ECVSync
import Foundation

/// `ecv keys init`: the office's signing keys, or a laptop's.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Ed25519 keys: the office's for signing reports, a laptop's for signing bundles.",
        subcommands: [InitKeysCommand.self]
    )
}

struct InitKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a key pair (the private key readable by its owner only); never replaces one.",
        discussion: """
            Without --laptop, the office's key for signing reports (keys/office-ed25519.key and .pub). With --laptop NAME, this laptop's key for signing its bundles (keys/laptop-NAME-ed25519.key and .pub); NAME is then the laptop's name on everything it records; what this database recorded before the laptop had a key (under the machine's name) is adopted by the key, says so, and is exported with the rest. Enroll the .pub file at the office with `ecv laptops enroll NAME FILE.pub`. The folder is made readable by its owner only and the private key is created with mode 0600.

            Examples:
              ecv keys init
              ecv keys init --laptop laptop-3
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions

    @Option(help: ArgumentHelp("Create this laptop's key, for signing bundles.", valueName: "name"))
    var laptop: String?

    func validate() throws {
        if let laptop {
            do {
                try LaptopKey.validate(name: laptop)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        // A laptop's key lives in ROOT/keys, where every command looks for it; --keys names the office's folder.
        let folder = laptop == nil ? keyOptions.folder(global) : global.keysFolder
        do {
            if let laptop {
                let names = LaptopKey.names(in: folder)
                if let other = names.first(where: { $0 != laptop }) {
                    throw CLIError.badFile("this laptop has a key already, as \(other)")
                }
                // What was recorded before the key existed carries the machine's name: the key takes it over
                // first, so that export sends it; again with the key there, for work recorded by an older ecv.
                let adoption = try adoptUnsignedWork(as: laptop)
                if let adoption, !adoption.isEmpty { Output.write("\(adoption)\n") }
                if names.contains(laptop), adoption?.isEmpty == false { return }
                let key = try LaptopKey.create(name: laptop, in: folder)
                Output.write(
                    "created \(folder.appendingPathComponent(LaptopKey.privateName(laptop)).path) "
                        + "(fingerprint \(key.publicKey.fingerprint)); enroll "
                        + "\(folder.appendingPathComponent(LaptopKey.publicName(laptop)).path) at the office\n")
            } else {
                // Clients check reports with OpenSSL and the PEM it writes beside the key, without ecv.
                let key: ReportSigner
                do {
                    key = try ReportSigner.createKeys(in: folder)
                } catch {
                    throw CLIError.badFile(error.description)
                }
                Output.write(
                    "created \(folder.appendingPathComponent(ReportSigner.privateKeyName).path) "
                        + "(fingerprint \(key.publicKey.fingerprint))\n")
            }
        } catch let error as KeyError {
            throw CLIError.badFile(error.description)
        }
    }

    /// Gives the work this database recorded under other laptop names to `laptop`; `nil` without a database.
    private func adoptUnsignedWork(as laptop: String) throws -> LaptopAdoption? {
        guard FileManager.default.fileExists(atPath: global.databasePath) else { return nil }
        let store = try global.openStore()
        do {
            return try store.adoptUnsignedWork(
                as: laptop, by: Actor.current(nil).who, at: Date(), makeID: TimeOrderedID.make)
        } catch {
            throw CLIError.store(error)
        }
    }
}
