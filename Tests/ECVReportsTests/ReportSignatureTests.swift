import ECVReports
import ECVTestSupport
import Foundation
import Testing

/// Signatures a client checks with OpenSSL alone, and `ecv report verify` without the private key.
@Suite struct ReportSignatureTests {
    /// Runs OpenSSL 3 with `arguments`; its exit status.
    static func openssl(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.needs(.openssl)) func openSSLVerifiesASignedFileWithThePEMKeyAndTheRawSignature() throws {
        let folder = try TemporaryFolder()
        let keys = folder.url.appendingPathComponent("keys")
        let signer = try ReportSigner.createKeys(in: keys)
        let file = folder.url.appendingPathComponent("report.pdf")
        try Data("%PDF-1.4 HLJ-FIRE-01 不可出动".utf8).write(to: file)
        try signer.signFile(file)
        let pem = keys.appendingPathComponent(ReportSigner.publicPEMName).path
        let verify = [
            "pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin", "-in", file.path, "-sigfile",
            file.path + ".sig.bin",
        ]
        #expect(try Self.openssl(verify) == 0)
        try Data("%PDF-1.4 HLJ-FIRE-01 可以出动".utf8).write(to: file)
        #expect(try Self.openssl(verify) != 0, "a changed file fails")
    }

    @Test func aClientWithOnlyThePEMKeyVerifiesWithEcv() throws {
        let folder = try TemporaryFolder()
        let office = try ReportSigner.createKeys(in: folder.url.appendingPathComponent("office"))
        let file = folder.url.appendingPathComponent("report.html")
        try Data("<p>x</p>".utf8).write(to: file)
        try office.signFile(file)
        let client = folder.url.appendingPathComponent("client")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: folder.url.appendingPathComponent("office/\(ReportSigner.publicPEMName)"),
            to: client.appendingPathComponent(ReportSigner.publicPEMName))
        try ReportSigner.verify(file, keysIn: client)
    }

    @Test func verifyingWithoutTheKeyNamesThePublicKeyItNeeds() throws {
        let folder = try TemporaryFolder()
        let office = try ReportSigner.createKeys(in: folder.url.appendingPathComponent("office"))
        let file = folder.url.appendingPathComponent("report.html")
        try Data("<p>x</p>".utf8).write(to: file)
        try office.signFile(file)
        let empty = folder.url.appendingPathComponent("none")
        let error = SigningError.noPublicKey(
            empty.appendingPathComponent(ReportSigner.publicPEMName).path, fingerprint: office.fingerprint)
        #expect(throws: error) { try ReportSigner.verify(file, keysIn: empty) }
        #expect(error.description.contains("office-ed25519.pub.pem"))
        #expect(error.description.contains(office.fingerprint))
        #expect(!error.description.contains("keys init"))
    }
}
