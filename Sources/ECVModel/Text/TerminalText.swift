/// Text from data made safe to print: names, notes and ids come from files, bundles, forms and arguments, and
/// a control character in them could move the cursor, retitle the window, erase the screen or start a line
/// that looks like ecv's own.
public enum TerminalText {
    /// `text` with every control character (C0 — line breaks and tabs included —, DEL, C1) and every
    /// bidirectional override written as a visible `\u{…}` escape; everything else, CJK included, unchanged.
    ///
    /// Every value quoted in a message or printed on the terminal goes through here, so that
    /// `X\nimported from lapA: 99 new results` prints as one line that shows its `\u{a}`.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return String(text) }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` made safe line by line: its own line breaks stay, everything else is as in `escaped`.
    ///
    /// Only for
    /// text whose lines are ecv's own (a table, a list of messages whose values were escaped already).
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped($0) }.joined(separator: "\n")
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
