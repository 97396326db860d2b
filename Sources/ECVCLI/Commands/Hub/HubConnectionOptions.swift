import ArgumentParser
import ECVHubClient
import Foundation

/// Where the hub is (`--hub`) and, for a hub with a certificate of the office's own, the authority that signed it
/// (`--hub-ca`).
struct HubConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The hub's address.", valueName: "https://host:port"))
    var hub: String

    @Option(
        name: .customLong("hub-ca"),
        help: ArgumentHelp(
            "PEM certificate of the authority that signed the hub's certificate, trusted instead of the system's.",
            valueName: "file"))
    var hubCA: String?

    /// A client of the hub at `--hub` that signs with `signer` and trusts `--hub-ca` when given.
    func client(signedBy signer: HubClient.Signer) throws -> HubClient {
        var client = HubClient(hub: try url(), signer: signer)
        if let hubCA { client.trustedCertificates = try HubClient.trustedCertificates(inPEMFile: hubCA) }
        return client
    }

    /// The hub's address from `--hub`: `https://host[:port]` (or `http://` for a hub on this machine), no path.
    func url() throws -> URL {
        guard let parts = URLComponents(string: hub), let scheme = parts.scheme, ["http", "https"].contains(scheme),
            let host = parts.host, !host.isEmpty, parts.path.isEmpty || parts.path == "/", parts.query == nil,
            let url = parts.url
        else {
            throw CLIError.said("--hub `\(hub)` is not a hub address; expected https://HOST[:PORT]")
        }
        return url
    }
}

extension HubClientError {
    /// What to do about the error, for the command line: a hub whose certificate is not trusted may be trusted
    /// with `--hub-ca`.
    var commandLineHint: String {
        guard case .untrusted = self else { return "" }
        return " (a hub with a certificate of your own: give its authority's certificate with --hub-ca FILE)"
    }
}
