import Crypto
import Foundation

/// The office's Ed25519 key pair and the detached signatures of report files (`FILE.sig`).
///
/// A signature file is JSON: `{"algorithm":"Ed25519","key":"<SHA-256 of the public key>","sha256":"<of the
/// file>","signature":"<base64 of the signature over the file's bytes>"}`.
public struct ReportSigner {
    public static let privateKeyName = "office-ed25519.key"
    public static let publicKeyName = "office-ed25519.pub"

    let privateKey: Curve25519.Signing.PrivateKey?
    public let publicKey: Curve25519.Signing.PublicKey

    /// Creates a new key pair in `folder`, the private key readable by its owner only.
    ///
    /// Refuses to replace an existing key.
    public static func createKeys(in folder: URL) throws(SigningError) -> ReportSigner {
        let privatePath = folder.appendingPathComponent(privateKeyName).path
        let publicPath = folder.appendingPathComponent(publicKeyName).path
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw .exists(path)
        }
        let key = Curve25519.Signing.PrivateKey()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard
                FileManager.default.createFile(
                    atPath: privatePath, contents: Data(key.rawRepresentation.base64EncodedString().utf8),
                    attributes: [.posixPermissions: 0o600])
            else { throw SigningError.cannotWrite(privatePath) }
            try Data(key.publicKey.rawRepresentation.base64EncodedString().utf8).write(
                to: URL(fileURLWithPath: publicPath))
        } catch let error as SigningError {
            throw error
        } catch {
            throw .cannotWrite("\(folder.path): \(error.localizedDescription)")
        }
        return ReportSigner(privateKey: key, publicKey: key.publicKey)
    }

    /// The keys in `folder`; without the private key, a signer that can only verify.
    public static func load(from folder: URL) throws(SigningError) -> ReportSigner {
        func read(_ name: String) -> Data? {
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).flatMap {
                Data(base64Encoded: String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        guard let publicData = read(publicKeyName),
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: publicData)
        else { throw .noKey(folder.appendingPathComponent(publicKeyName).path) }
        let privateKey = read(privateKeyName).flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
        return ReportSigner(privateKey: privateKey, publicKey: publicKey)
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

    /// Writes `file.sig` for the file's bytes.
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
    case noPrivateKey
    case cannotRead(String)
    case cannotWrite(String)
    case noSignature(String)
    case badSignatureFile(String)
    case wrongKey(String)
    case changed(String)

    public var description: String {
        switch self {
        case .exists(let path): return "\(path) exists already; keys are never replaced"
        case .noKey(let path): return "no office key at \(path); run `ecv keys init`"
        case .noPrivateKey: return "the office's private key is not here; reports can be verified, not signed"
        case .cannotRead(let path): return "cannot read \(path)"
        case .cannotWrite(let reason): return "cannot write \(reason)"
        case .noSignature(let path): return "no signature: \(path) is missing"
        case .badSignatureFile(let path): return "\(path) is not an ecv signature file"
        case .wrongKey(let key): return "signed with another key (\(key.prefix(16))…), not the office's"
        case .changed(let path): return "\(path) was changed after it was signed"
        }
    }
}
