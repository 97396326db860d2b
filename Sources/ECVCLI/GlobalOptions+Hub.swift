import ECVReports
import Foundation

extension GlobalOptions {
    /// The office key in ROOT/keys, able to sign: enrollments at the hub need it.
    func officeSigner() throws -> ReportSigner {
        let signer: ReportSigner
        do {
            signer = try ReportSigner.load(from: keysFolder)
        } catch {
            throw CLIError.badFile(error.description)
        }
        guard signer.canSign else {
            throw CLIError.said(
                "the office's private key is not in \(keysFolder.path); enroll keys at the office (`ecv keys init`)")
        }
        return signer
    }

    /// The hub's address from `--hub`: `https://host[:port]` (or `http://` for a hub on this machine), no path.
    func hubURL(_ text: String) throws -> URL {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme, ["http", "https"].contains(scheme),
            let host = parts.host, !host.isEmpty, parts.path.isEmpty || parts.path == "/", parts.query == nil,
            let url = parts.url
        else {
            throw CLIError.said("--hub `\(text)` is not a hub address; expected https://HOST[:PORT]")
        }
        return url
    }
}
