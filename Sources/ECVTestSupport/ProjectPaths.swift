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

extension ProjectPaths {
    /// The Solomon instances in the shared folder beside the package.
    public static var solomonInstances: URL {
        packageRoot.appendingPathComponent("../shared/bench/solomon/instances").standardized
    }
}
