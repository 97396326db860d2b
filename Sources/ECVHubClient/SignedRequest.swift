import Crypto
import ECVSync
import Foundation

/// How a request to the hub is signed: the sender's Ed25519 key over `ecv-request/1`, the method, the path
/// with its query, the time in Unix seconds and the SHA-256 of the body (hex), one per line, and a line with the
/// request's nonce when it has one.
///
/// Ed25519 signatures are deterministic: two equal requests signed in one second would have one signature, and
/// the hub takes a signature once. The nonce (`ECV-Nonce`, 32 hex digits, new for every request) makes each
/// request's signature its own.
///
/// The headers carry the key's enrolled name (`@office` for the office key), the time and the signature. The hub
/// takes a signature for five minutes either side of its own clock, and once only.
public struct SignedRequest: Sendable, Equatable {
    /// The header naming the key.
    public static let keyHeader = "ECV-Key"
    /// The header with the signing time, Unix seconds.
    public static let timeHeader = "ECV-Time"
    /// The header with the base64 signature.
    public static let signatureHeader = "ECV-Signature"
    /// The header with the request's nonce.
    public static let nonceHeader = "ECV-Nonce"
    /// The name the office key signs under.
    public static let officeKeyName = "@office"
    /// How far a signing time may be from the hub's clock.
    public static let window: TimeInterval = 5 * 60

    /// `GET` or `POST`.
    public var method: String
    /// The path with its query, as sent: `/v1/pull?since=12`.
    public var path: String
    /// Unix seconds.
    public var time: Int64
    /// SHA-256 of the body, hex.
    public var bodySHA256: String
    /// Hex digits, new for each request; empty for a request signed without one.
    public var nonce: String

    /// The request as signed; `body` is hashed, not kept.
    public init(method: String, path: String, time: Int64, body: Data, nonce: String = "") {
        self.method = method
        self.path = path
        self.time = time
        self.nonce = nonce
        bodySHA256 = body.sha256Hex
    }

    /// The bytes the signature covers.
    public var signedText: Data {
        Data(("ecv-request/1\n\(method)\n\(path)\n\(time)\n\(bodySHA256)\n" + (nonce.isEmpty ? "" : "\(nonce)\n")).utf8)
    }

    /// A new nonce: 16 random bytes in hex.
    public static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.lowercaseHex
    }

    /// Whether `text` may be a nonce: 1 to 64 lowercase hex digits.
    public static func isNonce(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The three headers for a request signed under `name`; `signature` is the base64 signature of `signedText`.
    public func headers(name: String, signature: String) -> [(String, String)] {
        [
            (SignedRequest.keyHeader, name), (SignedRequest.timeHeader, "\(time)"),
            (SignedRequest.signatureHeader, signature),
        ] + (nonce.isEmpty ? [] : [(SignedRequest.nonceHeader, nonce)])
    }

    /// Whether `signature` (base64) is `key`'s signature of this request.
    public func isSigned(by key: Curve25519.Signing.PublicKey, signature: String) -> Bool {
        guard let bytes = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(bytes, for: signedText)
    }
}

/// The office key's statement that a key belongs to a laptop or the office: what a laptop checks before it takes
/// bundles another laptop signed.
public struct Enrollment: Codable, Sendable, Equatable {
    /// The enrolled name.
    public var name: String
    /// `office` or `laptop`.
    public var role: String
    /// Base64 of the key's 32 bytes.
    public var publicKey: String
    /// The team whose lines the laptop works on, if given.
    public var team: String?
    /// Base64 of the office key's signature over `signedText`.
    public var officeSignature: String

    /// An enrollment of these parts.
    public init(name: String, role: String, publicKey: String, team: String?, officeSignature: String) {
        self.name = name
        self.role = role
        self.publicKey = publicKey
        self.team = team
        self.officeSignature = officeSignature
    }

    /// The bytes the office signs: `ecv-enrollment/1`, the name, the role and the base64 key, one per line.
    public static func signedText(name: String, role: String, publicKey: String) -> String {
        "ecv-enrollment/1\n\(name)\n\(role)\n\(publicKey)\n"
    }

    /// Whether the office key `office` signed this enrollment.
    public func isSigned(by office: Curve25519.Signing.PublicKey) -> Bool {
        guard let bytes = Data(base64Encoded: officeSignature) else { return false }
        return office.isValidSignature(
            bytes, for: Data(Enrollment.signedText(name: name, role: role, publicKey: publicKey).utf8))
    }
}
