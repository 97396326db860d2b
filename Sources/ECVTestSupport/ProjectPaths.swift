import Foundation

/// Where the package's own files are, found from this source file's location.
public enum ProjectPaths {
    /// The package root, holding Package.swift, Checklists/ and Routes/.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ECVTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// The shipped sample data: the package root.
    public static var sampleCatalog: URL { packageRoot }
}
