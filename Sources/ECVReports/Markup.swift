/// Text safe inside HTML or SVG element content and quoted attribute values.
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` replaced by entities.
    ///
    /// Escapes bytes, not characters: a quote followed by a combining mark is one `Character` that equals
    /// no quote, yet an HTML parser still ends an attribute at its first byte. A text with nothing to escape,
    /// most of a report, is returned as it is.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            if let entity = entity(for: byte) { out.append(contentsOf: entity.utf8) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }
}
