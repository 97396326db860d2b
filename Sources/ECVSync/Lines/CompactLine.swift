import Foundation

/// Reads one bundle line in the form ecv writes it: a flat JSON object, keys in sorted order, no whitespace,
/// every value a string, a number or `null`.
///
/// A bundle holds hundreds of thousands of such lines, and `JSONDecoder` spends most of an import's reading on
/// them; this reads their fields one after the other, in the order the caller names them. Whatever is not in
/// this form — an unknown, repeated or misplaced key, whitespace, a nested value, an integer that does not fit,
/// an escape or UTF-8 sequence that is not plainly valid — throws `NotCompact`, and the caller reads the line
/// with `JSONDecoder` instead, which then decodes it or says why not. So this reader never has to be the one
/// that refuses a line, only the one that is sure of it. Every index is checked against the line's end before it
/// is read.
struct CompactLine {
    /// The line is not in the compact form; `JSONDecoder` decides.
    struct NotCompact: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private var position = 0

    /// A reader of `bytes`, which must be a whole line without its newline.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) throws(NotCompact) {
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { throw NotCompact() }
        self.bytes = bytes
        position = 1
    }

    /// The value `read` makes of `line`, `nil` when the line is not in the compact form or `read` does not
    /// take all of it.
    static func read<T>(_ line: Data.SubSequence, _ read: (inout CompactLine) throws(NotCompact) -> T) -> T? {
        line.withUnsafeBytes { raw in
            do throws(NotCompact) {
                var reader = try CompactLine(raw.bindMemory(to: UInt8.self))
                let value = try read(&reader)
                try reader.finish()
                return value
            } catch {
                return nil
            }
        }
    }

    // MARK: - Fields, in the order of their keys

    /// A string field that must be present.
    mutating func text(_ key: StaticString) throws(NotCompact) -> String {
        try expect(key)
        return try stringValue()
    }

    /// A string field that may be absent or `null`.
    mutating func optionalText(_ key: StaticString) throws(NotCompact) -> String? {
        guard try present(key) else { return nil }
        return try stringValue()
    }

    /// A UUID field in the 8-4-4-4-12 hex form.
    mutating func uuid(_ key: StaticString) throws(NotCompact) -> UUID {
        try expect(key)
        let (start, end) = try plainString()
        guard let id = CompactLine.uuid(UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
            throw NotCompact()
        }
        return id
    }

    /// A time field in the database's form (`DatabaseTime`).
    mutating func date(_ key: StaticString) throws(NotCompact) -> Date {
        try expect(key)
        return try dateValue()
    }

    /// A time field that may be absent or `null`.
    mutating func optionalDate(_ key: StaticString) throws(NotCompact) -> Date? {
        guard try present(key) else { return nil }
        return try dateValue()
    }

    /// An integer field that fits `Int`.
    mutating func integer(_ key: StaticString) throws(NotCompact) -> Int {
        try expect(key)
        let negative = take(UInt8(ascii: "-"))
        var value = 0
        for index in try wholeDigits() {
            let digit = Int(bytes[index] &- UInt8(ascii: "0"))
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { throw NotCompact() }
            value = sum
        }
        // "-0" is left to `JSONDecoder`.
        guard !negative || value != 0 else { throw NotCompact() }
        return value
    }

    /// A number field that may be absent or `null`, written without an exponent, as ecv writes answers.
    mutating func optionalNumber(_ key: StaticString) throws(NotCompact) -> Double? {
        guard try present(key) else { return nil }
        // -?(0|[1-9][0-9]*)(\.[0-9]+)? of at most 32 bytes: nothing to round to infinity or to zero.
        let start = position
        _ = take(UInt8(ascii: "-"))
        _ = try wholeDigits()
        if take(UInt8(ascii: ".")) { _ = try digitRun() }
        guard position - start <= 32,
            let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        else { throw NotCompact() }
        return value
    }

    // MARK: - Keys and separators

    /// Reads `"key":`, after a comma unless it is the first field; throws when the next key is another.
    private mutating func expect(_ key: StaticString) throws(NotCompact) {
        guard try present(key, nullable: false) else { throw NotCompact() }
    }

    /// Reads `"key":` when the next key is `key`; `false`, reading nothing, when it is another or when the value
    /// is `null` (then the null is read too, when `nullable`).
    private mutating func present(_ key: StaticString, nullable: Bool = true) throws(NotCompact) -> Bool {
        let start = position
        if start > 1 && !take(UInt8(ascii: ",")) { return false }
        let matched = key.withUTF8Buffer { name in
            guard position + name.count + 3 <= bytes.count, bytes[position] == UInt8(ascii: "\""),
                bytes[position + name.count + 1] == UInt8(ascii: "\""),
                bytes[position + name.count + 2] == UInt8(ascii: ":")
            else { return false }
            return zip(bytes[(position + 1)...], name).allSatisfy { $0 == $1 }
        }
        guard matched else {
            position = start
            return false
        }
        position += key.utf8CodeUnitCount + 3
        if nullable, takeLiteral("null") { return false }
        return true
    }

    /// The closing brace must be the line's last byte.
    private mutating func finish() throws(NotCompact) {
        guard position == bytes.count - 1 else { throw NotCompact() }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let end = position + literal.utf8CodeUnitCount
        guard end <= bytes.count else { return false }
        let same = literal.withUTF8Buffer { zip(bytes[position..<end], $0).allSatisfy { $0 == $1 } }
        if same { position = end }
        return same
    }

    /// The digits of a number's whole part: `0`, or digits not starting with `0`.
    private mutating func wholeDigits() throws(NotCompact) -> Range<Int> {
        let digits = try digitRun()
        guard digits.count == 1 || bytes[digits.lowerBound] != UInt8(ascii: "0") else { throw NotCompact() }
        return digits
    }

    /// One or more decimal digits.
    private mutating func digitRun() throws(NotCompact) -> Range<Int> {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        guard position > start else { throw NotCompact() }
        return start..<position
    }

    // MARK: - Strings

    /// A string without escapes or bytes outside ASCII, as ids and times are: its bytes between the quotes.
    private mutating func plainString() throws(NotCompact) -> (start: Int, end: Int) {
        guard take(UInt8(ascii: "\"")) else { throw NotCompact() }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start, position - 1)
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw NotCompact() }
            position += 1
        }
        throw NotCompact()
    }

    private mutating func dateValue() throws(NotCompact) -> Date {
        let (start, end) = try plainString()
        guard let date = DatabaseTime.parse(UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
            throw NotCompact()
        }
        return date
    }

    /// A string value with its escapes resolved; valid UTF-8 only.
    private mutating func stringValue() throws(NotCompact) -> String {
        guard take(UInt8(ascii: "\"")) else { throw NotCompact() }
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return try CompactLine.validated(UnsafeBufferPointer(rebasing: bytes[start..<position - 1]))
            case UInt8(ascii: "\\"):
                return try escapedString(from: start)
            case ..<0x20:
                throw NotCompact()
            default:
                position += 1
            }
        }
        throw NotCompact()
    }

    /// The rest of a string that has escapes, its plain start already passed.
    private mutating func escapedString(from start: Int) throws(NotCompact) -> String {
        var text = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try text.withUnsafeBufferPointer { buffer throws(NotCompact) in
                    try CompactLine.validated(buffer)
                }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &text)
            case ..<0x20:
                throw NotCompact()
            default:
                text.append(byte)
            }
        }
        throw NotCompact()
    }

    /// Resolves the escape after a backslash; a `\u` escape must name a whole scalar (surrogates in pairs).
    private mutating func appendEscape(to text: inout [UInt8]) throws(NotCompact) {
        guard position < bytes.count else { throw NotCompact() }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hexQuad()
            if (0xD800..<0xDC00).contains(value) {
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else { throw NotCompact() }
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw NotCompact() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw NotCompact() }
            text += Array(String(Character(scalar)).utf8)
        default:
            throw NotCompact()
        }
    }

    /// Four hex digits.
    private mutating func hexQuad() throws(NotCompact) -> UInt32 {
        guard position + 4 <= bytes.count else { throw NotCompact() }
        var value: UInt32 = 0
        for index in position..<position + 4 {
            guard let digit = CompactLine.hexValue(bytes[index]) else { throw NotCompact() }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    private static func validated(_ bytes: UnsafeBufferPointer<UInt8>) throws(NotCompact) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw NotCompact() }
        return text
    }

    private static func upperHexValue(_ byte: UInt8) -> UInt8? {
        byte >= UInt8(ascii: "a") ? nil : hexValue(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The UUID of 36 bytes `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX` in upper-case hex, as ecv writes ids and
    /// `UUID(uuidString:)` reads them.
    private static func uuid(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard text.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let read = withUnsafeMutableBytes(of: &value) { raw in
            var index = 0
            for offset in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard text[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = upperHexValue(text[index]), let low = upperHexValue(text[index + 1]) else {
                    return false
                }
                raw[offset] = high << 4 | low
                index += 2
            }
            return true
        }
        return read ? UUID(uuid: value) : nil
    }
}
