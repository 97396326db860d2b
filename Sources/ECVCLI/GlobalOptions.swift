import ArgumentParser
import ECVCatalog
import ECVModel
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding Checklists/ and Routes/.", valueName: "dir"))
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }

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
