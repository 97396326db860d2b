import ECVTestSupport
import Foundation

@testable import ECVStore
@testable import ECVSync

/// A bundle's bytes taken apart into its manifest and its parts' lines, to be changed and sealed again.
struct SplitBundle {
    var manifest: Data
    var parts: [[Data]]

    init(_ data: Data) throws {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Data($0) }
        manifest = lines[0]
        let object = try JSONSerialization.jsonObject(with: manifest) as? [String: Any]
        let counts = (object?["parts"] as? [[String: Any]] ?? []).map { $0["lines"] as? Int ?? 0 }
        var start = 1
        parts = counts.map { count in
            defer { start += count }
            return Array(lines[start..<start + count])
        }
    }

    /// The bytes with the manifest's counts and checksums made to match (unless `recount` is off), signed.
    func sealed(by key: LaptopKey, recount: Bool = true) throws -> Data {
        var header = manifest
        if recount, var object = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
            var described = object["parts"] as? [[String: Any]], described.count == parts.count
        {
            for (index, lines) in parts.enumerated() {
                described[index]["lines"] = lines.count
                described[index]["sha256"] = lines.reduce(Data()) { $0 + $1 + Data([0x0A]) }.sha256Hex
            }
            object["parts"] = described
            header = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        var data = header + Data([0x0A])
        for line in parts.joined() { data += line + Data([0x0A]) }
        return data + (try key.signatureLine(for: data))
    }

    private func randomRecord(using random: inout SeededGenerator) -> (part: Int, line: Int)? {
        let places = parts.indices.flatMap { part in parts[part].indices.map { (part, $0) } }
        return places.randomElement(using: &random)
    }

    mutating func changeRecord(
        using random: inout SeededGenerator, _ change: (inout Data, inout SeededGenerator) -> Void
    ) {
        guard let place = randomRecord(using: &random) else { return }
        change(&parts[place.part][place.line], &random)
    }

    mutating func duplicateRecord(using random: inout SeededGenerator) {
        guard let place = randomRecord(using: &random) else { return }
        parts[place.part].insert(parts[place.part][place.line], at: place.line)
    }

    mutating func dropRecord(using random: inout SeededGenerator) {
        guard let place = randomRecord(using: &random) else { return }
        parts[place.part].remove(at: place.line)
    }

    mutating func swapRecords(using random: inout SeededGenerator) {
        guard let first = randomRecord(using: &random), let second = randomRecord(using: &random) else { return }
        let line = parts[first.part][first.line]
        parts[first.part][first.line] = parts[second.part][second.line]
        parts[second.part][second.line] = line
    }

    /// `line` with one random match of `pattern` replaced by `replacement`.
    static func replacing(
        _ pattern: String, in line: Data, with replacement: String, using random: inout SeededGenerator
    )
        -> String
    {
        let text = String(decoding: line, as: UTF8.self)
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .randomElement(using: &random),
            let range = Range(match.range, in: text)
        else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }

    /// `line` with the values of two random string fields exchanged.
    static func swappingStrings(in line: Data, using random: inout SeededGenerator) -> String {
        let text = String(decoding: line, as: UTF8.self)
        guard let expression = try? NSRegularExpression(pattern: #":"([^"\\]*)""#) else { return text }
        let values = expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text)
        }
        guard values.count >= 2, let first = values.randomElement(using: &random),
            let second = values.randomElement(using: &random), first != second
        else { return text }
        let (low, high) = first.lowerBound < second.lowerBound ? (first, second) : (second, first)
        return String(text[..<low.lowerBound]) + text[high] + text[low.upperBound..<high.lowerBound] + text[low]
            + text[high.upperBound...]
    }
}
