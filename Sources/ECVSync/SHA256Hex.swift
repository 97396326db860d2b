import Crypto
import Foundation

extension Data {
    /// The SHA-256 of these bytes as lower-case hex, as every hash in the store, bundles and reports is
    /// written.
    public var sha256Hex: String {
        SHA256.hash(data: self).lowercaseHex
    }
}

extension Sequence<UInt8> {
    /// These bytes as lower-case hex, two digits each.
    ///
    /// Written digit by digit: `String(format: "%02x")` per byte costs more than hashing a bundle, and the hub
    /// writes the hex of every body it is sent.
    public var lowercaseHex: String {
        let digits = JSONText.hexDigits
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
