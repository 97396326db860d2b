import Crypto
import Foundation

/// A laptop's own Ed25519 key, `laptop-NAME-ed25519.key` (and `.pub`) in the keys folder: it signs the
/// bundles the laptop exports, and its name is the laptop's name on every row it records.
public struct LaptopKey: Sendable {
    /// The laptop's name, from the key file's name.
    public let name: String
    let privateKey: Curve25519.Signing.PrivateKey

    /// The public key, to enroll at the office.
    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }

    /// The private key's file name for a laptop.
    public static func privateName(_ name: String) -> String { "laptop-\(name)-ed25519.key" }
    /// The public key's file name for a laptop.
    public static func publicName(_ name: String) -> String { "laptop-\(name)-ed25519.pub" }

    /// Refuses a name that could not be a file name or an id: 1–64 ASCII letters, digits, `-`, `_`.
    public static func validate(name: String) throws(KeyError) {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
        guard allowed, (1...64).contains(name.utf8.count) else { throw .badLaptopName(name) }
    }

    /// Creates the key of laptop `name` in `folder`; never replaces one.
    public static func create(name: String, in folder: URL) throws(KeyError) -> LaptopKey {
        try validate(name: name)
        let key = try KeyPair.create(in: folder, privateName: privateName(name), publicName: publicName(name))
        return LaptopKey(name: name, privateKey: key)
    }

    /// The names of the laptop keys in `folder`, from their file names alone (a key being written by another
    /// process is not read half-made).
    public static func names(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.compactMap { file -> String? in
            guard file.hasPrefix("laptop-"), file.hasSuffix("-ed25519.key") else { return nil }
            return String(file.dropFirst("laptop-".count).dropLast("-ed25519.key".count))
        }.filter { (try? validate(name: $0)) != nil }.sorted()
    }

    /// The one laptop key in `folder`; `nil` when there is none.
    public static func find(in folder: URL) throws(KeyError) -> LaptopKey? {
        let names = names(in: folder)
        guard let name = names.first else { return nil }
        guard names.count == 1 else { throw .severalLaptopKeys(names) }
        let key = try KeyPair.privateKey(at: folder.appendingPathComponent(privateName(name)).path)
        return LaptopKey(name: name, privateKey: key)
    }

    /// The base64 Ed25519 signature of `data` by this key: what a request to the hub carries.
    public func signature(for data: Data) throws -> String {
        try privateKey.signature(for: data).base64EncodedString()
    }

    /// The signature line over `content`: the bundle's last line.
    func signatureLine(for content: Data) throws -> Data {
        let signature = BundleSignature(
            algorithm: BundleSignature.algorithm, key: publicKey.fingerprint,
            signature: try privateKey.signature(for: content).base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(signature) + Data([0x0A])
    }
}

/// A bundle's last line: `{"algorithm":"Ed25519","key":"<fingerprint>","signature":"<base64>"}`, the
/// signature over every byte of the file before this line.
public struct BundleSignature: Codable, Sendable, Equatable {
    static let algorithm = "Ed25519"

    /// Always `Ed25519`.
    public var algorithm: String
    /// The fingerprint of the signing key (SHA-256 of its 32 bytes, hex).
    public var key: String
    /// The Ed25519 signature, base64.
    public var signature: String

    /// Whether this signature of `content` was made by `publicKey`.
    func verifies(_ content: Data, with publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard algorithm == BundleSignature.algorithm, key == publicKey.fingerprint,
            let bytes = Data(base64Encoded: signature)
        else { return false }
        return publicKey.isValidSignature(bytes, for: content)
    }
}
