import Crypto
import Foundation

extension Data {
    /// The SHA-256 of these bytes as lower-case hex, as every hash in the store, bundles and reports is
    /// written.
    public var sha256Hex: String {
        SHA256.hash(data: self).map { String(format: "%02x", $0) }.joined()
    }
}

/// A SHA-256 fed piece by piece, so that a part of a bundle is hashed without copying its lines together.
struct SHA256Stream {
    private var hasher = SHA256()

    /// Adds `bytes`, and a `\n` after them when `newline` is set.
    mutating func update(_ bytes: Data.SubSequence, newline: Bool = false) {
        hasher.update(data: bytes)
        if newline { hasher.update(data: SHA256Stream.newline) }
    }

    /// The hash as lower-case hex.
    var hex: String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static let newline = Data([0x0A])
}
