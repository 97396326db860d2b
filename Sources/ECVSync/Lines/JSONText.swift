import Foundation

/// JSON string literals, escaped as RFC 8259 requires.
package enum JSONText {
    package static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal.
    package static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20:
                bytes += Array("\\u00".utf8)
                bytes += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A JSON object written field by field into bytes, for the audit lines a batch writes by the hundred
/// thousand; the caller gives the keys in sorted order, as the trail's canonical JSON has them.
package struct JSONObjectWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    package init() {
        bytes.reserveCapacity(320)
    }

    private mutating func key(_ name: StaticString) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }

    /// A text field; nothing when `value` is nil.
    package mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        JSONText.append(value, to: &bytes)
    }

    /// An id field, in the upper-case form of `UUID.uuidString`.
    package mutating func field(_ name: StaticString, _ id: UUID) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        bytes += id.textBytes
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number or other literal written as it is.
    package mutating func field(_ name: StaticString, literal: String) {
        key(name)
        bytes += literal.utf8
    }

    package func finished() -> String {
        String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self)
    }

    /// Whether `text` is the finished object, compared byte for byte without making it a string.
    package func isFinished(as text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == bytes.count + 1 && utf8.last == UInt8(ascii: "}")
                && utf8.prefix(bytes.count).elementsEqual(bytes)
        }
    }
}

extension UUID {
    /// `uuidString` without going through `String(format:)`, which is slow on Linux.
    package var text: String { String(decoding: textBytes, as: UTF8.self) }

    fileprivate static let upperHex = Array("0123456789ABCDEF".utf8)

    package var textBytes: [UInt8] {
        withUnsafeBytes(of: uuid) { raw in
            var out: [UInt8] = []
            out.reserveCapacity(36)
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
                out += [UUID.upperHex[Int(byte >> 4)], UUID.upperHex[Int(byte & 0x0F)]]
            }
            return out
        }
    }
}
