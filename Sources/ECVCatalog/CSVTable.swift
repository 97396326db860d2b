import CSV
import ECVModel
import Foundation

/// A CSV file (RFC 4180, through CSV.swift) as a header and rows, each row with the line it starts on.
///
/// Quoted fields keep their commas, quotes and line breaks; spaces around fields are trimmed. With
/// `exactWidth`, a row with more or fewer fields than the header is refused at its line and column.
struct CSVTable {
    struct Row {
        var line: Int
        var fields: [String]
    }

    var header: [String]
    var rows: [Row]

    /// The largest file read.
    static let maximumBytes = 64 * 1024 * 1024

    init(_ text: String, file: String, exactWidth: Bool) throws(ResultFile.FormatError) {
        guard text.utf8.count <= CSVTable.maximumBytes else {
            throw .init(description: "\(file):1:1: the file has more than \(CSVTable.maximumBytes) bytes")
        }
        if let (line, column) = CSVTable.unclosedQuote(in: text) {
            throw .init(description: "\(file):\(line):\(column): a quote opened here is never closed")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw .init(description: "\(file):1:1: the first line is not a CSV header")
        }
        header = reader.headerRow ?? []
        var line = 1 + CSVTable.lineBreaks(in: header)
        var rows: [Row] = []
        while let fields = reader.next() {
            let start = line + 1
            line = start + CSVTable.lineBreaks(in: fields)
            if fields.count == 1 && fields[0].isEmpty { continue }
            if exactWidth && fields.count != header.count {
                let column = min(fields.count, header.count) + 1
                let problem =
                    fields.count > header.count
                    ? "\(fields.count - header.count) field\(fields.count - header.count == 1 ? "" : "s") more than the header names"
                    : "the field `\(TerminalText.escaped(header[fields.count]))` is missing"
                throw .init(description: "\(file):\(start):\(column): \(problem)")
            }
            rows.append(Row(line: start, fields: fields))
        }
        if let error = reader.error { throw .init(description: "\(file):\(line):1: \(error)") }
        self.rows = rows
    }

    /// Where a quoted field opens that the file never closes (line and character column, from 1), or `nil`.
    ///
    /// The reader would take the rest of the file as that field's value. A quote opens a field only at the
    /// field's start (after spaces, which are trimmed); inside, `""` is a quote and a single `"` closes it.
    static func unclosedQuote(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var opened: (line: Int, column: Int)?
        var atFieldStart = true
        var pendingQuote = false
        for character in text {
            column += 1
            if opened != nil {
                if pendingQuote {
                    pendingQuote = false
                    if character != "\"" {
                        // The quote before closed the field.
                        opened = nil
                        atFieldStart = character == "," || character.isNewline
                    }
                } else if character == "\"" {
                    pendingQuote = true
                }
            } else if character == "\"", atFieldStart {
                opened = (line, column)
                atFieldStart = false
            } else if character == "," || character.isNewline {
                atFieldStart = true
            } else if character != " " && character != "\t" {
                atFieldStart = false
            }
            if character.isNewline {
                line += 1
                column = 0
            }
        }
        return pendingQuote ? nil : opened
    }

    private static func lineBreaks(in fields: [String]) -> Int {
        fields.reduce(0) { count, field in count + field.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }
}
