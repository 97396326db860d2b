import ECVCatalog
import ECVHubClient
import ECVStore
import ECVSync
import Foundation

/// The Routes/ and Checklists/ files a published plan was made from, as the office sends them through the hub and
/// a laptop takes them.
///
/// Nothing from the hub becomes a path unchecked: a file's path must be `Routes/NAME.yaml`, `Checklists/NAME.yaml`
/// (or `.yml`) or `Routes/distances.csv` with a plain name, and its bytes must have the SHA-256 it comes with. The
/// set is taken only when it reads as a catalog without an error; the files it replaces or removes are kept in
/// `ROOT/previous-files/TIME/`.
public struct PlanFiles {
    /// The folder holding Routes/ and Checklists/.
    public let root: URL

    /// The plan's files of the folder `root`.
    public init(root: URL) {
        self.root = root
    }

    /// This folder's files as the office pushes them.
    public func current() throws -> [Pull.File] {
        try PlanInputs.read(root: root).files.keys.sorted().map { path in
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            return Pull.File(path: path, sha256: data.sha256Hex, content: data)
        }
    }

    /// Makes this folder's Routes/ and Checklists/ exactly `files`; returns one line per file added, changed or
    /// removed (none when they are the same).
    public func take(_ files: [Pull.File], at now: Date) throws -> [String] {
        for file in files {
            guard Self.isPlanFile(file.path) else {
                throw HubSyncError.refusedFromHub(
                    "the hub sent a file `\(file.path)` that is not a file of Routes/ or Checklists/")
            }
            guard file.content.sha256Hex == file.sha256 else {
                throw HubSyncError.refusedFromHub("the hub sent \(file.path) with bytes that do not match its SHA-256")
            }
        }
        let here = PlanInputs.read(root: root).files
        let wanted = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = files.filter { here[$0.path] != $0.sha256 }.map(\.path)
        let removed = here.keys.filter { wanted[$0] == nil }.sorted()
        guard !changed.isEmpty || !removed.isEmpty else { return [] }
        try checkReadable(files)
        let kept = root.appendingPathComponent("previous-files")
            .appendingPathComponent(String(Int(now.timeIntervalSince1970)))
        var lines: [String] = []
        do {
            for path in changed.sorted() + removed {
                let target = root.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: target.path) {
                    let copy = kept.appendingPathComponent(path)
                    try FileManager.default.createDirectory(
                        at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try FileManager.default.copyItem(at: target, to: copy)
                }
                if let file = wanted[path] {
                    try FileManager.default.createDirectory(
                        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try DurableFile.replace(target.path, with: file.content)
                    lines.append("\(path) (\(here[path] == nil ? "added" : "changed"))")
                } else {
                    try FileManager.default.removeItem(at: target)
                    lines.append("\(path) (removed)")
                }
            }
        } catch {
            throw HubSyncError.badFile("cannot write the plan's files into \(root.path): \(error)")
        }
        return lines
    }

    /// Refuses a set of files that does not read as a catalog, before any file here changes.
    private func checkReadable(_ files: [Pull.File]) throws {
        let trial = FileManager.default.temporaryDirectory.appendingPathComponent("ecv-plan-files-\(UUID())")
        defer { try? FileManager.default.removeItem(at: trial) }
        do {
            for file in files {
                let target = trial.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.content.write(to: target)
            }
        } catch {
            throw HubSyncError.badFile("cannot try the plan's files: \(error)")
        }
        if let error = CatalogLoader.load(root: trial).errors.first {
            throw HubSyncError.refusedFromHub(
                "the plan's files from the hub do not read as a catalog, none was taken: \(error)")
        }
    }

    /// Whether `path` names a file of a catalog: one plain name under Routes/ or Checklists/.
    public static func isPlanFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, ["Routes", "Checklists"].contains(parts[0]) else { return false }
        let name = parts[1]
        let plain = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_.".unicodeScalars.contains($0)
        }
        guard plain, !name.hasPrefix("."), name.count <= 128 else { return false }
        return name.hasSuffix(".yaml") || name.hasSuffix(".yml") || (parts[0] == "Routes" && name == "distances.csv")
    }
}
