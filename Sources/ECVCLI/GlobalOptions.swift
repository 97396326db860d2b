import ArgumentParser
import ECVCatalog
import ECVModel
import ECVStore
import ECVSync
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding Checklists/ and Routes/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The database (default: ROOT/ecv.sqlite).", valueName: "file"))
    var db: String?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }

    /// The store at `--db`, or `ecv.sqlite` beside Routes/; `readOnly` for commands that only read, so that
    /// they work on a file they may not write.
    func openStore(readOnly: Bool = false) throws -> Store {
        let path = db ?? rootURL.appendingPathComponent("ecv.sqlite").path
        do {
            return try Store(path: path, readOnly: readOnly)
        } catch {
            throw CLIError.store(error)
        }
    }

    /// The folder of key files: ROOT/keys.
    var keysFolder: URL { rootURL.appendingPathComponent("keys") }

    /// This laptop's key, when it has one (`ecv keys init --laptop NAME`).
    func laptopKey() throws -> LaptopKey? {
        do {
            return try LaptopKey.find(in: keysFolder)
        } catch {
            throw CLIError.badFile(error.description)
        }
    }

    /// The person at this laptop (`--engineer`, else `$USER`) and the laptop: the name of its key when it
    /// has one, else the host's name.
    func actor(_ engineer: String? = nil) throws -> Actor {
        let person = Actor.current(engineer)
        guard let key = try laptopKey() else { return person }
        return Actor(who: person.who, laptop: key.name)
    }

    /// Fails with a suggestion when `id` is given but not among `known`.
    static func requireKnown(_ kind: String, _ id: String?, among known: [String]) throws {
        guard let id, !known.contains(id) else { return }
        throw CLIError.unknown(kind, id, suggestion: Suggestion.closest(to: id, among: known))
    }

    /// The vehicle with `id`, or an error in `language` suggesting the closest id.
    func placement(of id: String, in catalog: Catalog, language: Language = .en) throws -> Catalog.VehiclePlacement {
        guard let placement = catalog.placement(ofVehicle: id) else {
            let messages = Messages(language)
            let closest = Suggestion.closest(to: id, among: catalog.vehicleIDs)
            throw CLIError.said(
                messages("cli.unknown-vehicle", id) + (closest.map { messages("cli.did-you-mean", $0) } ?? ""))
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
