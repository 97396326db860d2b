import ECVCatalog
import ECVTestSupport
import Foundation
import Testing

/// Mutated copies of the shipped sample data: the loader must never crash or hang, and every problem it
/// reports must point into a file it was given.
@Suite struct FuzzTests {
    /// 4 × 260 = 1,040 mutated catalogs, in four chunks that run in parallel.
    static let chunks: [UInt64] = [20_270_301, 20_270_302, 20_270_303, 20_270_304]
    static let mutationsPerChunk = 260

    static func sampleFiles() throws -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        for folder in ["Checklists", "Routes"] {
            let url = ProjectPaths.sampleCatalog.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            where name.hasSuffix(".yaml") {
                files.append(("\(folder)/\(name)", try Data(contentsOf: url.appendingPathComponent(name))))
            }
        }
        return files
    }

    @Test func theSampleDataIsClean() throws {
        let load = CatalogLoader.load(files: try Self.sampleFiles())
        #expect(load.errors.map(\.description) == [])
    }

    @Test(arguments: chunks)
    func mutatedSampleDataIsReportedWithLocationsAndNeverCrashes(seed: UInt64) throws {
        let original = try Self.sampleFiles()
        var random = SeededGenerator(seed: seed)
        let routeFiles = original.filter { $0.path.hasPrefix("Routes/") }.count - 3  // teams, clients, tags
        var rejected = 0
        for round in 0..<Self.mutationsPerChunk {
            var files = original
            let target = Int.random(in: 0..<files.count, using: &random)
            let mutation = Mutation.allCases.randomElement(using: &random) ?? .deleteLines
            files[target].data = mutation.apply(to: files[target].data, using: &random)
            let load = CatalogLoader.load(files: files)
            let paths = Set(files.map(\.path) + ["Checklists", "Routes/teams.yaml", "Routes/clients.yaml"])
            for diagnostic in load.diagnostics {
                let location = diagnostic.location
                let lines = files.first { $0.path == location.file }.map { lineCount($0.data) } ?? 1
                #expect(
                    paths.contains(location.file) && location.line >= 1 && location.line <= lines + 1
                        && location.column >= 1,
                    "round \(round), \(mutation): \(diagnostic)")
            }
            if load.errors.isEmpty {
                // A mutation that leaves the data valid must leave a complete catalog.
                #expect(load.catalog.routes.count == routeFiles, "round \(round), \(mutation)")
            } else {
                rejected += 1
            }
        }
        // Most mutations break something; a fuzzer that breaks nothing tests nothing.
        #expect(rejected > Self.mutationsPerChunk / 2)
    }

    private func lineCount(_ data: Data) -> Int {
        data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

/// The ways a file is damaged.
enum Mutation: CaseIterable {
    case deleteLines, duplicateLine, swapValueType, truncate, randomBytes, deepNesting, hugeNumber, reindent,
        emptyValue

    func apply(to data: Data, using random: inout SeededGenerator) -> Data {
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        let index = Int.random(in: 0..<max(1, lines.count), using: &random)
        switch self {
        case .deleteLines:
            let count = Int.random(in: 1...3, using: &random)
            lines.removeSubrange(index..<min(lines.count, index + count))
        case .duplicateLine:
            lines.insert(lines[index], at: index)
        case .swapValueType:
            let replacements = ["[a, b]", "{x: 1}", "text", "42", "-7.5", "\"\"", "~", "true", "2027-13-45", "&a x"]
            lines[index] = replacingValue(of: lines[index], with: replacements.randomElement(using: &random) ?? "")
        case .truncate:
            return data.prefix(Int.random(in: 0...data.count, using: &random))
        case .randomBytes:
            var bytes = [UInt8](data)
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
            return Data(bytes)
        case .deepNesting:
            let depth = Int.random(in: 50...20_000, using: &random)
            lines[index] = replacingValue(
                of: lines[index], with: String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        case .hugeNumber:
            let numbers = [
                "1e999", "-1e999", "99999999999999999999999999", "9223372036854775807", "nan", ".inf", "0x7f",
            ]
            lines[index] = replacingValue(of: lines[index], with: numbers.randomElement(using: &random) ?? "")
        case .reindent:
            lines[index] =
                String(repeating: " ", count: Int.random(in: 0...9, using: &random))
                + lines[index].drop { $0 == " " }
        case .emptyValue:
            lines[index] = replacingValue(of: lines[index], with: "")
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The line with whatever follows its first `: ` (or `- `) replaced.
    private func replacingValue(of line: String, with value: String) -> String {
        for marker in [": ", "- "] {
            if let range = line.range(of: marker) { return line[..<range.upperBound] + value }
        }
        return line + value
    }
}
