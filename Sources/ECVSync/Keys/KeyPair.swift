import Crypto
import Foundation

/// An Ed25519 key pair in a folder of key files: the private key readable by its owner only, both files
/// the base64 of the key's 32 raw bytes.
public enum KeyPair {
    /// Creates a new key pair as `folder/privateName` and `folder/publicName`; never replaces a key.
    ///
    /// The folder is made with mode 0700; the private key is created exclusively with mode 0600 from its
    /// first byte, so of two processes creating the same key exactly one succeeds.
    public static func create(in folder: URL, privateName: String, publicName: String) throws(KeyError)
        -> Curve25519.Signing.PrivateKey
    {
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(folder.path, error.localizedDescription)
        }
        let key = Curve25519.Signing.PrivateKey()
        let privatePath = folder.appendingPathComponent(privateName).path
        let publicPath = folder.appendingPathComponent(publicName).path
        do {
            try DurableFile.createExclusively(
                privatePath, data: Data(key.rawRepresentation.base64EncodedString().utf8), mode: 0o600)
        } catch {
            throw KeyError(error)
        }
        do {
            try DurableFile.createExclusively(
                publicPath, data: Data((key.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8),
                mode: 0o644)
        } catch {
            // A stray public key of another pair: take the new private key back rather than leave a mismatch.
            unlink(privatePath)
            throw KeyError(error)
        }
        return key
    }

    /// The public key in a `.pub` file: base64 of 32 bytes, at most 1 KiB.
    public static func publicKey(at path: String) throws(KeyError) -> Curve25519.Signing.PublicKey {
        let url = URL(fileURLWithPath: path)
        guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, size <= 1024,
            let data = FileManager.default.contents(atPath: path)
        else { throw .notAPublicKey(path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { throw .notAPublicKey(path) }
        return key
    }

    /// The private key in a key file.
    static func privateKey(at path: String) throws(KeyError) -> Curve25519.Signing.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1024,
            let raw = Data(
                base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw .notAPrivateKey(path) }
        return key
    }
}

extension Curve25519.Signing.PublicKey {
    /// The key's fingerprint: SHA-256 of its 32 bytes, hex.
    public var fingerprint: String { rawRepresentation.sha256Hex }
}

/// What can go wrong with keys, in words a user can act on.
public enum KeyError: Error, CustomStringConvertible, Equatable {
    case exists(String)
    case cannotWrite(String, String)
    case notAPublicKey(String)
    case notAPrivateKey(String)
    case badLaptopName(String)
    case noLaptopKey(String)
    case severalLaptopKeys([String])

    init(_ error: FileError) {
        switch error {
        case .exists(let path): self = .exists(path)
        case .notARegularFile(let path): self = .cannotWrite(path, "not a regular file")
        case .cannotWrite(let path, let reason): self = .cannotWrite(path, reason)
        }
    }

    /// The problem in one line, with the path.
    public var description: String {
        switch self {
        case .exists(let path): return "\(path) exists already; keys are never replaced"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .notAPublicKey(let path): return "\(path) is not an Ed25519 public key (base64 of 32 bytes)"
        case .notAPrivateKey(let path): return "\(path) is not an Ed25519 private key (base64 of 32 bytes)"
        case .badLaptopName(let name):
            return "laptop name `\(name)` must be 1 to 64 letters, digits, `-` or `_`"
        case .noLaptopKey(let folder):
            return "no laptop key in \(folder); run `ecv keys init --laptop NAME` on this laptop first"
        case .severalLaptopKeys(let names):
            return "several laptop keys (\(names.joined(separator: ", "))); a laptop holds exactly one"
        }
    }
}
