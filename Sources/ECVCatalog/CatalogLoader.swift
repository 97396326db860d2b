import ECVModel
import Foundation

/// The outcome of reading `Checklists/` and `Routes/`: what could be read, and every problem found.
public struct CatalogLoad: Sendable {
    /// Everything that could be read; incomplete when there are errors.
    public var catalog: Catalog
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The files read, relative to the root.
    public var files: [String]

    /// The diagnostics that make the catalog unusable.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The diagnostics reported only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads and validates the office's YAML.
public enum CatalogLoader {
    /// The folder of subsystem checklists, one YAML file each.
    public static let checklistFolder = "Checklists"
    /// The folder of teams, clients and one YAML file per regional line.
    public static let routesFolder = "Routes"
    /// The teams' file in `Routes/`.
    public static let teamsFile = "teams.yaml"
    /// The client organisations' file in `Routes/`.
    public static let clientsFile = "clients.yaml"
    /// The equipment tag vocabulary; optional, and when present every tag in use must be in it.
    public static let tagsFile = "tags.yaml"

    /// Reads `root/Checklists/*.yaml` and `root/Routes/*.yaml`.
    public static func load(root: URL) -> CatalogLoad {
        var files: [(path: String, data: Data)] = []
        var missing: [Diagnostic] = []
        for folder in [checklistFolder, routesFolder] {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                missing.append(
                    Diagnostic(.error, at: SourceLocation(file: folder), "folder not found under \(root.path)"))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = "\(folder)/\(name)"
                if let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) {
                    files.append((path, data))
                } else {
                    missing.append(Diagnostic(.error, at: SourceLocation(file: path), "cannot read file"))
                }
            }
        }
        var load = load(files: files)
        load.diagnostics = (load.diagnostics + missing).sorted()
        return load
    }

    /// Reads files given as paths relative to a root (`Checklists/power.yaml`) with their bytes.
    public static func load(files: [(path: String, data: Data)]) -> CatalogLoad {
        let sink = DiagnosticSink()
        var map = SourceMap()
        var catalog = Catalog()
        var teamsReadable = false
        var clientsReadable = false
        var tagsRead = false
        var everythingReadable = true
        let teamsPath = "\(routesFolder)/\(teamsFile)"
        let clientsPath = "\(routesFolder)/\(clientsFile)"
        let tagsPath = "\(routesFolder)/\(tagsFile)"

        for (path, data) in files {
            guard let root = YAMLSource.parse(data, file: path, into: sink) else {
                everythingReadable = false
                continue
            }
            if path.hasPrefix("\(checklistFolder)/") {
                if let checklist = ChecklistDecoder.decode(root, file: path, sink: sink, map: &map) {
                    catalog.checklists.append(checklist)
                } else {
                    everythingReadable = false
                }
            } else if path == teamsPath {
                catalog.teams += PeopleDecoder.decodeTeams(root, file: path, sink: sink, map: &map)
                teamsReadable = true
            } else if path == clientsPath {
                catalog.clients += PeopleDecoder.decodeClients(root, file: path, sink: sink, map: &map)
                clientsReadable = true
            } else if path == tagsPath {
                catalog.tags += PeopleDecoder.decodeTags(root, file: path, sink: sink, map: &map)
                tagsRead = true
            } else if let route = RouteDecoder.decode(root, file: path, sink: sink, map: &map) {
                catalog.routes.append(route)
            } else {
                everythingReadable = false
            }
        }
        let paths = files.map(\.path)
        if !paths.contains(where: { $0.hasPrefix("\(checklistFolder)/") }) {
            sink.error("no checklist files (*.yaml)", at: SourceLocation(file: checklistFolder))
        }
        for required in [teamsPath, clientsPath] where !paths.contains(required) {
            sink.error("file not found", at: SourceLocation(file: required))
        }
        // A team's days off the tour hold for every line it drives.
        for index in catalog.routes.indices {
            catalog.routes[index].teamUnavailable =
                catalog.team(withID: catalog.routes[index].teamID)?.unavailable ?? []
        }
        CatalogChecks(
            catalog: catalog, map: map, sink: sink, teamsReadable: teamsReadable, clientsReadable: clientsReadable,
            tagsRead: tagsRead, everythingReadable: everythingReadable
        ).run()
        return CatalogLoad(catalog: catalog, diagnostics: sink.diagnostics.sorted(), files: paths)
    }
}
