import ECVCatalog
import ECVTestSupport
import Foundation

/// The minimal valid catalog of Fixtures/minimal, copied to a temporary folder and edited by a test.
struct CatalogFixture {
    static let source = ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVCatalogTests/Fixtures/minimal")

    /// One textual change to a fixture file.
    struct Edit: Sendable, CustomStringConvertible {
        var file: String
        var old: String
        var new: String

        init(_ file: String, _ old: String, _ new: String) {
            self.file = file
            self.old = old
            self.new = new
        }

        var description: String { "\(file): \(old) → \(new)" }
    }

    let folder: TemporaryFolder

    init(_ edits: [Edit] = []) throws {
        folder = try TemporaryFolder(copyingCatalogFrom: Self.source)
        for edit in edits { try folder.replace(edit.old, with: edit.new, in: edit.file) }
    }

    func load() -> CatalogLoad {
        CatalogLoader.load(root: folder.url)
    }

    /// Every diagnostic as the CLI prints it.
    func diagnostics() -> [String] {
        load().diagnostics.map(\.description)
    }
}
