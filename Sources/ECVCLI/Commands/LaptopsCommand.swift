import ArgumentParser
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// `ecv laptops`: the laptops whose bundles this database accepts.
struct LaptopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laptops",
        abstract: "The laptops whose signed bundles are imported here.",
        subcommands: [EnrollLaptopCommand.self, ListLaptopsCommand.self]
    )
}

struct EnrollLaptopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Accept bundles signed by a laptop's key from now on.",
        discussion: """
            FILE is the laptop's public key, keys/laptop-NAME-ed25519.pub on that laptop, brought to the office by hand (compare its fingerprint with the one `ecv keys init --laptop` printed). A name is enrolled with one key only.

            Examples:
              ecv laptops enroll laptop-3 laptop-laptop-3-ed25519.pub
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The laptop's name, as in its key file.")
    var name: String

    @Argument(help: "The laptop's public key file.")
    var file: String

    func run() throws {
        let store = try global.openStore()
        do {
            let key = try KeyPair.publicKey(at: file)
            let added = try store.enroll(laptop: name, publicKey: key, by: try global.actor(), at: Date())
            Output.write(
                "\(added ? "enrolled" : "already enrolled:") \(Terminal.safe(name)) (fingerprint \(key.fingerprint))\n")
        } catch let error as KeyError {
            throw CLIError.badFile(error.description)
        }
    }
}

struct ListLaptopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The enrolled laptops with their key fingerprints."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    func run() throws {
        let laptops = try global.openStore(readOnly: true).enrolledLaptops()
        switch format {
        case .json:
            try Output.writeJSON(
                laptops.map { ["name": $0.name, "fingerprint": $0.fingerprint, "enrolledBy": $0.enrolledBy] })
        case .table:
            var table = TextTable(headers: ["laptop", "fingerprint", "enrolled", "by"])
            for laptop in laptops {
                table.append([
                    laptop.name, laptop.fingerprint, ISOTime.string(laptop.enrolledAt, timeZone: "UTC"),
                    laptop.enrolledBy,
                ])
            }
            Output.write(laptops.isEmpty ? "no laptops enrolled\n" : table.rendered())
        }
    }
}
