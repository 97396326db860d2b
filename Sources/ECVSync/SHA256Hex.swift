import Crypto
import Foundation

extension Data {
    /// The SHA-256 of these bytes as lower-case hex, as every hash in the store, bundles and reports is
    /// written.
    public var sha256Hex: String {
        SHA256.hash(data: self).map { String(format: "%02x", $0) }.joined()
    }
}
