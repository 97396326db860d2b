import Crypto
import ECVSync
import Foundation

/// The office's Ed25519 key pair and the detached signatures of report files.
///
/// Each file gets two signatures of its bytes: `FILE.sig`, JSON for `ecv report verify`
/// (`{"algorithm":"Ed25519","key":"<SHA-256 of the public key>","sha256":"<of the file>","signature":"<base64>"}`),
/// and `FILE.sig.bin`, the raw 64 bytes, which OpenSSL 3 checks with the public key as PEM and no ecv:
/// `openssl pkeyutl -verify -pubin -inkey office-ed25519.pub.pem -rawin -in FILE -sigfile FILE.sig.bin`.
public struct ReportSigner: Sendable {
    /// The office's private key file in the keys folder.
    public static let privateKeyName = "office-ed25519.key"
    /// The office's public key file in the keys folder (base64 of its 32 bytes).
    public static let publicKeyName = "office-ed25519.pub"
    /// The public key as PEM (SubjectPublicKeyInfo), for clients and standard tools.
    public static let publicPEMName = "office-ed25519.pub.pem"

    let privateKey: Curve25519.Signing.PrivateKey?
    /// The key reports are verified with.
    public let publicKey: Curve25519.Signing.PublicKey

    /// Creates the office's key pair in `folder` (as `KeyPair.create` makes every key: the folder 0700, the
    /// private key created exclusively 0600, never replaced) and the PEM of its public key that clients verify
    /// reports with, created exclusively too.
    public static func createKeys(in folder: URL) throws(SigningError) -> ReportSigner {
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try KeyPair.create(in: folder, privateName: privateKeyName, publicName: publicKeyName)
        } catch {
            if case .exists(let path) = error { throw .exists(path) }
            throw .cannotWrite(error.description)
        }
        let pem = folder.appendingPathComponent(publicPEMName).path
        do {
            try DurableFile.createExclusively(pem, data: Data(ReportSigner.pem(of: key.publicKey).utf8), mode: 0o644)
        } catch {
            if case .exists(let path) = error { throw .exists(path) }
            throw .cannotWrite(error.description)
        }
        return ReportSigner(privateKey: key, publicKey: key.publicKey)
    }

    /// The keys in `folder`; without the private key, a signer that can only verify.
    ///
    /// The public key is read from `office-ed25519.pub`, or else from the PEM a client was given.
    ///
    /// A key file that is there but is no key (damaged, truncated, another format) is an error: reports must never
    /// go out unsigned because a key was unreadable.
    public static func load(from folder: URL) throws(SigningError) -> ReportSigner {
        func read(_ name: String) throws(SigningError) -> Data? {
            let path = folder.appendingPathComponent(name).path
            guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let key = Data(base64Encoded: text), key.count == 32 else { throw .damagedKey(path) }
            return key
        }
        let pemKey = FileManager.default.contents(atPath: folder.appendingPathComponent(publicPEMName).path).flatMap {
            ReportSigner.publicKey(fromPEM: String(decoding: $0, as: UTF8.self))
        }
        let fromFile = try read(publicKeyName).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
        guard let publicKey = fromFile ?? pemKey else {
            throw .noKey(folder.appendingPathComponent(publicKeyName).path)
        }
        let privateKey = try read(privateKeyName).flatMap {
            try? Curve25519.Signing.PrivateKey(rawRepresentation: $0)
        }
        if let privateKey, privateKey.publicKey.rawRepresentation != publicKey.rawRepresentation {
            throw .damagedKey(folder.appendingPathComponent(privateKeyName).path)
        }
        return ReportSigner(privateKey: privateKey, publicKey: publicKey)
    }

    /// The keys in `folder` for signing reports, or `nil` where the office has made none (`ecv keys init`).
    ///
    /// Without keys reports go out unsigned, and say so; a key there that cannot be read is an error.
    public static func loadIfPresent(from folder: URL) throws(SigningError) -> ReportSigner? {
        let names = [publicKeyName, publicPEMName, privateKeyName]
        guard names.contains(where: { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) })
        else { return nil }
        return try load(from: folder)
    }

    /// Whether the private key is here.
    public var canSign: Bool { privateKey != nil }

    /// The public key's fingerprint: SHA-256 of its 32 bytes, hex.
    public var fingerprint: String {
        publicKey.rawRepresentation.sha256Hex
    }

    /// A signature of `text` (a report's content hash), base64; `nil` without the private key.
    public func sign(text: String) -> String? {
        (try? privateKey?.signature(for: Data(text.utf8)))?.base64EncodedString()
    }

    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow it.
    private static let spkiPrefix: [UInt8] = [
        0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00,
    ]

    /// `-----BEGIN PUBLIC KEY-----` … : the key as OpenSSL reads it.
    public static func pem(of key: Curve25519.Signing.PublicKey) -> String {
        let body = (Data(spkiPrefix) + key.rawRepresentation).base64EncodedString(options: [.lineLength64Characters])
        return "-----BEGIN PUBLIC KEY-----\n\(body)\n-----END PUBLIC KEY-----\n"
    }

    /// The key of a PEM made by `pem(of:)` or OpenSSL; nil for anything else.
    static func publicKey(fromPEM text: String) -> Curve25519.Signing.PublicKey? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN PUBLIC KEY-----"),
            let end = lines.firstIndex(of: "-----END PUBLIC KEY-----"), begin < end,
            let der = Data(base64Encoded: lines[(begin + 1)..<end].joined()), der.count == spkiPrefix.count + 32,
            Array(der.prefix(spkiPrefix.count)) == spkiPrefix
        else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
    }

    /// Checks `file` with the public key in `folder`; without one, says which key the file needs.
    public static func verify(_ file: URL, keysIn folder: URL) throws(SigningError) {
        let signer: ReportSigner
        do {
            signer = try load(from: folder)
        } catch {
            let needed = FileManager.default.contents(atPath: file.path + ".sig").flatMap {
                try? JSONDecoder().decode(SignatureFile.self, from: $0).key
            }
            throw .noPublicKey(folder.appendingPathComponent(publicPEMName).path, fingerprint: needed)
        }
        try signer.verify(file)
    }

    /// Writes `file.sig` (JSON) and `file.sig.bin` (the raw signature) for the file's bytes.
    public func signFile(_ file: URL) throws(SigningError) {
        guard let privateKey else { throw .noPrivateKey }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .cannotRead(file.path) }
        let signature: Data
        do {
            signature = try privateKey.signature(for: data)
        } catch {
            throw .cannotWrite("cannot sign \(file.path): \(error)")
        }
        let record = SignatureFile(
            algorithm: "Ed25519", key: fingerprint, sha256: data.sha256Hex,
            signature: signature.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(record).write(to: URL(fileURLWithPath: file.path + ".sig"), options: .atomic)
        } catch {
            throw .cannotWrite(file.path + ".sig")
        }
        do {
            try signature.write(to: URL(fileURLWithPath: file.path + ".sig.bin"), options: .atomic)
        } catch {
            throw .cannotWrite(file.path + ".sig.bin")
        }
    }

    /// Checks `file` against `file.sig` and this key.
    public func verify(_ file: URL) throws(SigningError) {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .cannotRead(file.path) }
        guard let sigData = FileManager.default.contents(atPath: file.path + ".sig") else {
            throw .noSignature(file.path + ".sig")
        }
        guard let record = try? JSONDecoder().decode(SignatureFile.self, from: sigData), record.algorithm == "Ed25519",
            let signature = Data(base64Encoded: record.signature)
        else { throw .badSignatureFile(file.path + ".sig") }
        guard record.key == fingerprint else { throw .wrongKey(record.key) }
        guard record.sha256 == data.sha256Hex, publicKey.isValidSignature(signature, for: data) else {
            throw .changed(file.path)
        }
    }

    struct SignatureFile: Codable {
        var algorithm: String
        var key: String
        var sha256: String
        var signature: String
    }
}

/// What can go wrong with keys and signatures, in words a user can act on.
public enum SigningError: Error, CustomStringConvertible, Equatable {
    case exists(String)
    case noKey(String)
    /// Verifying without the office's public key: where it belongs, and the fingerprint the file was signed with.
    case noPublicKey(String, fingerprint: String?)
    case noPrivateKey
    /// A key file that is there and is no key, or a private key that does not belong to the public one.
    case damagedKey(String)
    case cannotRead(String)
    case cannotWrite(String)
    case noSignature(String)
    case badSignatureFile(String)
    case wrongKey(String)
    case changed(String)

    /// The problem in one line, with what to do.
    public var description: String {
        switch self {
        case .exists(let path): return "\(path) exists already; keys are never replaced"
        case .noKey(let path): return "no office key at \(path); run `ecv keys init`"
        case .noPublicKey(let path, let fingerprint):
            return "the office's public key is needed to check this report: put \(ReportSigner.publicPEMName)"
                + (fingerprint.map { " (fingerprint \($0))" } ?? "") + " from the office at \(path), or use --keys DIR"
        case .noPrivateKey: return "the office's private key is not here; reports can be verified, not signed"
        case .damagedKey(let path):
            return "\(path) is not a readable key of the office's key pair; restore it from the office's backup "
                + "(nothing was written unsigned)"
        case .cannotRead(let path): return "cannot read \(path)"
        case .cannotWrite(let reason): return "cannot write \(reason)"
        case .noSignature(let path): return "no signature: \(path) is missing"
        case .badSignatureFile(let path): return "\(path) is not an ecv signature file"
        case .wrongKey(let key): return "signed with another key (\(key.prefix(16))…), not the office's"
        case .changed(let path): return "\(path) was changed after it was signed"
        }
    }
}
