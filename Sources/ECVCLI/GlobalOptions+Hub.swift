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
}
