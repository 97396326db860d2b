import ArgumentParser
import ECVCatalog
import ECVModel
import ECVStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding Checklists/ and Routes/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The database (default: ROOT/ecv.sqlite).", valueName: "file"))
    var db: String?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }

    /// The store at `--db`, or `ecv.sqlite` beside Routes/.
    func openStore() throws -> Store {
        let path = db ?? rootURL.appendingPathComponent("ecv.sqlite").path
        do {
            return try Store(path: path)
        } catch {
            throw CLIError.store(error)
        }
    }

    /// Fails with a suggestion when `id` is given but not among `known`.
    static func requireKnown(_ kind: String, _ id: String?, among known: [String]) throws {
        guard let id, !known.contains(id) else { return }
        throw CLIError.unknown(kind, id, suggestion: Suggestion.closest(to: id, among: known))
    }

    /// The vehicle with `id`, or an error suggesting the closest id.
    func placement(of id: String, in catalog: Catalog) throws -> Catalog.VehiclePlacement {
        guard let placement = catalog.placement(ofVehicle: id) else {
            throw CLIError.unknown("vehicle", id, suggestion: Suggestion.closest(to: id, among: catalog.vehicleIDs))
        }
        return placement
    }

    /// The catalog, or the printed errors and a failure when it has any.
    func loadCatalog() throws -> Catalog {
        let load = CatalogLoader.load(root: rootURL)
        let errors = load.errors
        guard errors.isEmpty else {
            for error in errors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            throw CLIError.invalidCatalog(errorCount: errors.count)
        }
        return load.catalog
    }
}

/// How a listing is printed: aligned text for people, JSON for tools.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension Language: ExpressibleByArgument {}
