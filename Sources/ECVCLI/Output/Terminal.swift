import ECVModel

/// Text from data made safe for a terminal, through `TerminalText`, the one escaping of printed values.
enum Terminal {
    /// `text` with every control character, line breaks included, as a visible escape.
    static func safe(_ text: String) -> String { TerminalText.escaped(text) }

    /// `text` made safe line by line: its own line breaks stay.
    static func safeLines(_ text: String) -> String { TerminalText.escapedLines(text) }
}
