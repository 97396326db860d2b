import Foundation
import Yams

/// Reads one YAML file into a node tree, turning every way it can be unreadable into a located error.
enum YAMLSource {
    /// Larger files are not hand-written configuration; refusing them keeps a bad file from stalling a load.
    static let maxBytes = 16 << 20
    /// Our formats nest about six levels; far deeper input is refused before Yams recurses into it.
    static let maxNesting = 64

    /// The document's root node, or `nil` after reporting why there is none.
    static func parse(_ data: Data, file: String, into sink: DiagnosticSink) -> Node? {
        let start = SourceLocation(file: file)
        guard data.count <= maxBytes else {
            sink.error("file is larger than \(maxBytes >> 20) MiB", at: start)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(
                "file is not valid UTF-8", at: location(ofByte: firstInvalidUTF8Byte(data), in: data, file: file))
            return nil
        }
        if let mark = byteOrderMarkInside(text) {
            // A mark pasted in the middle of a file would end up invisibly inside an id or a tag.
            sink.error(
                "a byte-order mark (U+FEFF) inside the file; remove it",
                at: SourceLocation(file: file, line: mark.line, column: mark.column))
            return nil
        }
        if let deep = firstLine(nestingDeeperThan: maxNesting, in: text) {
            sink.error("nesting deeper than \(maxNesting) levels", at: SourceLocation(file: file, line: deep))
            return nil
        }
        do {
            // The basic resolver leaves every scalar a string: we convert values ourselves, and Yams' regular
            // expressions for implicit types would dominate the load time.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                sink.error("file is empty", at: start)
                return nil
            }
            return root
        } catch let error as YamlError {
            if let quote = unterminatedQuote(in: text, before: error) {
                sink.error(
                    "quoted text is not closed: the \" here has no closing \" on its line",
                    at: SourceLocation(file: file, line: quote.line, column: quote.column))
                return nil
            }
            report(error, file: file, into: sink)
        } catch {
            sink.error("cannot read YAML: \(error)", at: start)
        }
        return nil
    }

    private static func report(_ error: YamlError, file: String, into sink: DiagnosticSink) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            sink.error("YAML syntax: \(detail)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            sink.error(
                "duplicate key \(keys) in one mapping",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            sink.error("YAML reader: \(problem)", at: SourceLocation(file: file, line: 1, column: (offset ?? 0) + 1))
        default:
            sink.error("cannot read YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    /// Where a byte-order mark stands anywhere but at the very start of `text`.
    static func byteOrderMarkInside(_ text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "\u{FEFF}", index > 0 { return (line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// Where a double-quoted text opens and never closes on its line, for a syntax error at or after that
    /// line: libyaml reads on to the next quote and reports the error there, lines later.
    static func unterminatedQuote(in text: String, before error: YamlError) -> (line: Int, column: Int)? {
        let errorLine: Int
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): errorLine = mark.line
        default: return nil
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 <= errorLine {
            var open: Int?
            var escaped = false
            var inSingle = false
            for (column, character) in line.enumerated() {
                if character == "#", open == nil, !inSingle,
                    column == 0 || line[line.index(line.startIndex, offsetBy: column - 1)] == " "
                {
                    break
                }
                if open != nil {
                    if escaped {
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        open = nil
                    }
                } else if character == "'" {
                    inSingle.toggle()
                } else if character == "\"", !inSingle {
                    open = column
                }
            }
            if let open { return (index + 1, open + 1) }
        }
        return nil
    }

    /// The first line on which the nesting may exceed `limit`, by a cheap upper bound: open flow
    /// brackets carried from earlier lines plus this line's indentation and structure indicators.
    static func firstLine(nestingDeeperThan limit: Int, in text: String) -> Int? {
        var flowDepth = 0
        var lineNumber = 1
        var indent = 0
        var indicators = 0
        var atLineStart = true
        var previous = UInt8(ascii: " ")
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if flowDepth + indent / 2 + indicators > limit { return lineNumber }
                lineNumber += 1
                indent = 0
                indicators = 0
                atLineStart = true
                previous = UInt8(ascii: " ")
                continue
            }
            if atLineStart, byte == UInt8(ascii: " ") {
                indent += 1
                continue
            }
            atLineStart = false
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: " "):
                // "- ", "? " and ": " each open at most one level of block structure.
                if previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: ":") {
                    indicators += 1
                }
            default: break
            }
            previous = byte
        }
        return flowDepth + indent / 2 + indicators > limit ? lineNumber : nil
    }

    /// Offset of the first byte that breaks UTF-8's lead/continuation structure (0 when none is found).
    private static func firstInvalidUTF8Byte(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in bytes[(index + 1)..<(index + length)] where next & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return 0
    }

    private static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        let before = data.prefix(offset)
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: data[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
