import ECVModel
import Foundation
import Yams

/// Reads batch results from CSV (`vehicle,item,value,note` with a header) or YAML (a list of mappings
/// with the same keys), grouped by vehicle in file order.
public enum ResultFile {
    /// A file that cannot be read as results; the message starts with `file:line`.
    public struct FormatError: Error, CustomStringConvertible, Equatable {
        /// `file:line: what is wrong`.
        public var description: String
    }

    /// The results in the file at `path`, grouped by vehicle in file order; the first problem is thrown.
    public static func read(_ path: String) throws(FormatError) -> [(vehicle: String, entries: [ResultEntry])] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "\(path): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError(description: "\(name):1:1: file is not valid UTF-8")
        }
        var groups: [(vehicle: String, entries: [ResultEntry])] = []
        func add(_ vehicle: String, _ entry: ResultEntry) {
            if let index = groups.firstIndex(where: { $0.vehicle == vehicle }) {
                groups[index].entries.append(entry)
            } else {
                groups.append((vehicle, [entry]))
            }
        }
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            for (vehicle, entry) in try yamlEntries(text, file: name) { add(vehicle, entry) }
            return groups
        }
        let table = try CSVTable(text, file: name, exactWidth: true)
        let columns = try resultColumns(table.header, file: name)
        guard let vehicle = columns.firstIndex(of: "vehicle"), let item = columns.firstIndex(of: "item"),
            let value = columns.firstIndex(of: "value")
        else { throw FormatError(description: "\(name):1:1: the header must name vehicle, item and value columns") }
        let noteColumn = columns.firstIndex(of: "note")
        for row in table.rows {
            func field(_ index: Int) -> String { row.fields[index] }
            let note = noteColumn.map(field).flatMap { $0.isEmpty ? nil : $0 }
            add(
                field(vehicle),
                ResultEntry(itemID: field(item), value: field(value), note: note, source: "\(name):\(row.line)"))
        }
        return groups
    }

    /// The columns a results CSV may have, as the YAML's keys: an unknown one (`notes`) would drop what it
    /// holds, and of a column named twice only one would be read; both are refused at the header's field.
    private static func resultColumns(_ header: [String], file: String) throws(FormatError) -> [String] {
        let known = ["vehicle", "item", "value", "note"]
        let columns = header.map { $0.lowercased() }
        for (index, column) in columns.enumerated() {
            let place = "\(file):1:\(index + 1)"
            guard known.contains(column) else {
                throw FormatError(
                    description: "\(place): unknown column `\(TerminalText.escaped(header[index]))`"
                        + Suggestion.hint(for: column, among: known) + "; the columns are "
                        + known.joined(separator: ", "))
            }
            if let first = columns.firstIndex(of: column), first < index {
                throw FormatError(
                    description: "\(place): column `\(TerminalText.escaped(header[index]))` is named twice "
                        + "(first as field \(first + 1))")
            }
        }
        return columns
    }

    /// Entries from a YAML list of `{vehicle, item, value, note}`, each with its line.
    private static func yamlEntries(_ text: String, file: String) throws(FormatError) -> [(String, ResultEntry)] {
        let sink = DiagnosticSink()
        guard let root = YAMLSource.parse(Data(text.utf8), file: file, into: sink),
            let list = Field(key: "results", node: root, location: SourceLocation(file: file), sink: sink).elements()
        else { throw FormatError(description: sink.diagnostics.first?.description ?? "\(file):1:1: not a list") }
        var entries: [(String, ResultEntry)] = []
        for element in list {
            guard let reader = element.mapping(what: "result") else { continue }
            reader.rejectUnknownKeys(["vehicle", "item", "value", "note"])
            let vehicle = reader.required("vehicle")?.string()
            let item = reader.required("item")?.string()
            let value = reader.required("value")?.string()
            let note = reader.optional("note")?.string()
            if let vehicle, let item, let value {
                let source = "\(file):\(element.location.line)"
                entries.append((vehicle, ResultEntry(itemID: item, value: value, note: note, source: source)))
            }
        }
        if let first = sink.diagnostics.first { throw FormatError(description: first.description) }
        return entries
    }
}

/// Reads a distance matrix CSV: `from,to,km,minutes` with a header; places are site ids or `base`.
public enum DistanceFile {
    /// The measured legs in the file at `path`; every place must be in `knownPlaces`.
    public static func read(_ path: String, knownPlaces: Set<String>) throws(ResultFile.FormatError) -> DistanceTable {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw ResultFile.FormatError(description: "\(path): cannot read the file") }
        let csv = try CSVTable(text, file: name, exactWidth: false)
        guard csv.header.map({ $0.lowercased() }).prefix(4) == ["from", "to", "km", "minutes"] else {
            throw ResultFile.FormatError(description: "\(name):1:1: the header must be from,to,km,minutes")
        }
        var table = DistanceTable()
        var problems: [String] = []
        for row in csv.rows {
            let fields = row.fields + Array(repeating: "", count: max(0, 4 - row.fields.count))
            for (column, place) in fields.prefix(2).enumerated() where !knownPlaces.contains(place) {
                let hint = Suggestion.hint(for: place, among: knownPlaces)
                problems.append(
                    "\(name):\(row.line):\(column + 1): unknown place `\(TerminalText.escaped(place))`\(hint)")
            }
            guard let km = Double(fields[2]), km.isFinite, km >= 0 else {
                problems.append(
                    "\(name):\(row.line):3: km must be a number ≥ 0, found `\(TerminalText.escaped(fields[2]))`")
                continue
            }
            guard let minutes = Double(fields[3]), minutes.isFinite, minutes >= 0 else {
                problems.append(
                    "\(name):\(row.line):4: minutes must be a number ≥ 0, found `\(TerminalText.escaped(fields[3]))`")
                continue
            }
            table.set(from: fields[0], to: fields[1], .init(km: km, minutes: minutes.rounded(.up)))
        }
        if !problems.isEmpty { throw ResultFile.FormatError(description: problems.joined(separator: "\n")) }
        return table
    }
}
