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
    /// The Solomon VRPTW instances copied into the repository (see Benchmarks/Data/solomon/README.md).
    public static var solomonInstances: URL {
        packageRoot.appendingPathComponent("Benchmarks/Data/solomon/instances")
    }

    /// The distance-only reference for the Solomon instances (see Benchmarks/Data/solomon/README.md).
    public static var solomonReference: URL {
        packageRoot.appendingPathComponent("Benchmarks/Data/solomon/bks-distance-only.csv")
    }
}
