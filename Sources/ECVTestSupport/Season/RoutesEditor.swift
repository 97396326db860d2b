import ECVModel
import Foundation

/// Edits a generated `Routes/` as a dispatcher does by hand.
///
/// A site closed for a day, a holiday added to a line, a team called out, a vehicle added or removed: line by line,
/// on the YAML `CatalogGenerator` writes.
struct RoutesEditor {
    let routes: URL

    init(root: URL) {
        routes = root.appendingPathComponent("Routes")
    }

    /// Adds `day` to the `unavailable:` days of the site `site` of line file `line`.
    func close(site: String, of line: String, on day: CalendarDay) throws {
        try edit("\(line).yaml") { lines in Self.addDay(day, key: "unavailable", toBlockOf: "- id: \(site)", in: &lines)
        }
    }

    /// Adds `day` to the holidays of line `line`.
    func addHoliday(_ day: CalendarDay, to line: String) throws {
        try edit("\(line).yaml") { lines in Self.addDay(day, key: "holidays", toBlockOf: nil, in: &lines) }
    }

    /// Adds `day` to the days team `team` is off the tour.
    func callOut(team: String, on day: CalendarDay) throws {
        try edit("teams.yaml") { lines in Self.addDay(day, key: "unavailable", toBlockOf: "- id: \(team)", in: &lines) }
    }

    /// Adds vehicle `vehicle` with `equipment` to site `site` of line file `line`.
    func add(vehicle: String, equipment: [String], at site: String, of line: String) throws {
        try edit("\(line).yaml") { lines in
            guard let start = lines.firstIndex(where: { $0.hasSuffix("- id: \(site)") }),
                let list = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "vehicles:" }
                ),
                list + 1 < lines.count
            else { return }
            let indent = String(lines[list + 1].prefix { $0 == " " })
            lines.insert(
                contentsOf: [
                    "\(indent)- id: \(vehicle)", "\(indent)  equipment: [\(equipment.joined(separator: ", "))]",
                ], at: list + 1)
        }
    }

    /// Removes vehicle `vehicle` from line file `line`.
    func remove(vehicle: String, of line: String) throws {
        try edit("\(line).yaml") { lines in
            guard let start = lines.firstIndex(where: { $0.hasSuffix("- id: \(vehicle)") }) else { return }
            let end = Self.blockEnd(after: start, in: lines)
            lines.removeSubrange(start..<end)
        }
    }

    private func edit(_ file: String, _ change: (inout [String]) -> Void) throws {
        let url = routes.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        change(&lines)
        try Data(lines.joined(separator: "\n").utf8).write(to: url, options: .atomic)
    }

    /// Adds `day` to the list `key: [...]` of the list item whose first line ends with `marker` (of the file's top
    /// level when `marker` is nil), making the key when the item has none.
    static func addDay(_ day: CalendarDay, key: String, toBlockOf marker: String?, in lines: inout [String]) {
        let start: Int
        let end: Int
        let indent: String
        if let marker {
            guard let found = lines.firstIndex(where: { $0.hasSuffix(marker) }) else { return }
            start = found
            end = blockEnd(after: found, in: lines)
            indent = String(repeating: " ", count: lines[found].prefix { $0 == " " }.count + 2)
        } else {
            start = -1
            end = lines.count
            indent = ""
        }
        if let existing = lines[(start + 1)..<end].firstIndex(where: { $0.hasPrefix("\(indent)\(key): [") }) {
            lines[existing] = lines[existing].replacingOccurrences(of: "]", with: ", \(day)]")
        } else {
            lines.insert("\(indent)\(key): [\(day)]", at: start + 1)
        }
    }

    /// The index after the list item starting at `start`: the next line indented no deeper than its dash.
    static func blockEnd(after start: Int, in lines: [String]) -> Int {
        let depth = lines[start].prefix { $0 == " " }.count
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if !line.trimmingCharacters(in: .whitespaces).isEmpty, line.prefix(while: { $0 == " " }).count <= depth {
                break
            }
            index += 1
        }
        return index
    }
}
