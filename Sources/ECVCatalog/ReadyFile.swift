import ECVModel
import Foundation
import Yams

/// Reads repair dates for a re-plan, a YAML mapping of vehicle id to the day its repair is done.
///
/// One line per vehicle, `SN-FIRE-01: 2027-03-22`; every vehicle must be in the catalog.
public enum ReadyFile {
    /// A file that cannot be read as repair dates; the message starts with `file:line:column`.
    public struct FormatError: Error, CustomStringConvertible, Equatable {
        /// `file:line:column: what is wrong`.
        public var description: String
    }

    /// Each vehicle's repair day from the file at `path`; every vehicle must be in `catalog`.
    public static func read(_ path: String, catalog: Catalog) throws(FormatError) -> [String: CalendarDay] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "\(path): cannot read the file")
        }
        let sink = DiagnosticSink()
        let file = SourceLocation(file: name)
        guard let root = YAMLSource.parse(data, file: name, into: sink),
            let reader = MappingReader(root, what: "repair dates", at: file, sink: sink)
        else {
            let first = sink.diagnostics.first
            throw FormatError(
                description: first.map { "\($0.location): \($0.message)" } ?? "\(name):1:1: not a mapping")
        }
        var ready: [String: CalendarDay] = [:]
        for (key, value) in reader.mapping {
            let location = file.moved(to: key.mark)
            guard let vehicle = key.scalar?.string, catalog.placement(ofVehicle: vehicle) != nil else {
                let text = key.scalar?.string ?? key.kindDescription
                sink.error(
                    "unknown vehicle `\(text)`\(Suggestion.hint(for: text, among: catalog.vehicleIDs))", at: location)
                continue
            }
            if let day = Field(key: vehicle, node: value, location: file.moved(to: value.mark), sink: sink).day() {
                ready[vehicle] = day
            }
        }
        if let first = sink.diagnostics.sorted().first {
            throw FormatError(description: "\(first.location): \(first.message)")
        }
        return ready
    }
}
