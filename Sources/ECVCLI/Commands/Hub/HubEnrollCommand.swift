import ArgumentParser
import ECVHubClient
import ECVReports
import ECVSync
import Foundation

/// `ecv hub enroll`: lets a laptop's (or the office's) bundle key push to and pull from the hub.
struct HubEnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enroll a bundle key at the hub; run at the office, signed by the office key.",
        discussion: """
            FILE is the key's public half (keys/laptop-NAME-ed25519.pub of that laptop). The request and the enrollment are signed by the office key in ROOT/keys (`ecv keys init`); laptops check that signature before they take another laptop's bundles from the hub. --office lets the key's bundles carry the published plan and Routes/ and Checklists/ (the office's own bundle key). --team makes the laptop's pulls bring the work of other laptops on that team's lines. Enrolling the same key again changes nothing; another key under a taken name is refused.

            Examples:
              ecv hub enroll --hub https://hub.example:8443 office keys/laptop-office-ed25519.pub --office
              ecv hub enroll --hub https://hub.example:8443 laptop-3 laptop-laptop-3-ed25519.pub --team team-nc
              ecv hub enroll --hub https://10.0.0.5:8443 --hub-ca keys/hub-ca.crt laptop-4 laptop-laptop-4-ed25519.pub
            """
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var connection: HubConnectionOptions

    @Argument(help: "The key's name: the laptop's name, as in its key file.")
    var name: String

    @Argument(help: "The key's public key file.")
    var file: String

    @Flag(help: "The office's own bundle key: its bundles carry the published plan.")
    var office = false

    @Option(help: "The team whose lines the laptop works on.")
    var team: String?

    func run() async throws {
        let signer = try global.officeSigner()
        let key = try CLIError.readingKey { () throws(KeyError) in
            try LaptopKey.validate(name: name)
            return try KeyPair.publicKey(at: file)
        }
        let publicKey = key.rawRepresentation.base64EncodedString()
        let role = office ? "office" : "laptop"
        guard let signature = signer.sign(text: Enrollment.signedText(name: name, role: role, publicKey: publicKey))
        else { throw CLIError.said("the office's private key is not in \(global.keysFolder.path)") }
        let client = try connection.client(
            signedBy: HubClient.Signer(name: SignedRequest.officeKeyName) { data in
                signer.sign(text: String(decoding: data, as: UTF8.self)) ?? ""
            })
        let reply = try await client.enroll(
            Enrollment(name: name, role: role, publicKey: publicKey, team: team, officeSignature: signature))
        Output.write(
            "\(reply.new ? "enrolled" : "already enrolled:") \(Terminal.safe(reply.name)) as \(reply.role)"
                + (reply.team.map { " of \(Terminal.safe($0))" } ?? "") + " at \(Terminal.safe(connection.hub)) "
                + "(fingerprint \(reply.fingerprint))\n")
    }
}
