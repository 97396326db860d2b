import Foundation

/// A folder under the system's temporary directory, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder's location.
    public let url: URL

    /// A new, empty folder.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ecv-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A folder holding a copy of `source`'s `Checklists/` and `Routes/`.
    public convenience init(copyingCatalogFrom source: URL) throws {
        try self.init()
        for folder in ["Checklists", "Routes"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(folder), to: url.appendingPathComponent(folder))
        }
    }

    /// The text of the file at `path` relative to the folder.
    public func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    /// Writes `text` to `path` relative to the folder, creating folders on the way.
    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` relative to the folder, creating folders on the way.
    public func write(_ data: Data, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Replaces the one occurrence of `old` in the file at `path` by `new`.
    public func replace(_ old: String, with new: String, in path: String) throws {
        let text = try read(path)
        guard let range = text.range(of: old) else { throw TestSupportError.textNotFound(old, path) }
        try write(text.replacingCharacters(in: range, with: new), to: path)
    }
}

/// A test's own setup went wrong, not the code under test.
public enum TestSupportError: Error, CustomStringConvertible {
    case textNotFound(String, String)
    case binaryNotFound(String)
    case network(String)
    /// Something the test started did not come up, with what it said.
    case setup(String)

    /// What went wrong, in one line.
    public var description: String {
        switch self {
        case .textNotFound(let text, let path): return "`\(text)` not found in \(path)"
        case .binaryNotFound(let path): return "ecv binary not found at \(path); build it with `swift build`"
        case .network(let what): return "HTTP test client: \(what) failed"
        case .setup(let what): return what
        }
    }
}
