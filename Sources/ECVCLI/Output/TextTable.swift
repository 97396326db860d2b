/// Rows of text in aligned columns, counting Chinese characters as two columns wide as terminals do.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []

    init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// Adds a row; every cell is made safe for a terminal, since names and ids come from data.
    mutating func append(_ row: [String]) {
        rows.append(row.map(Terminal.safe))
    }

    /// The table with a header line and a rule, each line ending in a newline.
    func rendered() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { TextTable.displayWidth(column < $0.count ? $0[column] : "") }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = headers.indices.map { column -> String in
                let cell = column < cells.count ? cells[column] : ""
                let fill = String(repeating: " ", count: widths[column] - TextTable.displayWidth(cell))
                return rightAligned.contains(column) ? fill + cell : cell + fill
            }
            return padded.joined(separator: "  ").trailingSpacesRemoved + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        return line(headers) + rule + rows.map(line).joined()
    }

    /// Terminal columns `text` takes: East Asian wide characters count two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F: return width
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                return width + 2
            default: return width + 1
            }
        }
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
