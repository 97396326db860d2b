import ECVSync
import Foundation

/// The files a plan was made from, by path (`Routes/north-china.yaml`) with the SHA-256 of their bytes, so
/// that a laptop can tell when its own Routes/ and Checklists/ differ from the office's.
public struct PlanInputs: Codable, Sendable, Equatable {
    /// SHA-256 (hex) of each file's bytes, by path relative to the project root.
    public var files: [String: String]

    /// Inputs with these hashes.
    public init(files: [String: String]) {
        self.files = files
    }

    /// The YAML files of `root/Checklists` and `root/Routes`, and `Routes/distances.csv` when present.
    public static func read(root: URL) -> PlanInputs {
        var files: [String: String] = [:]
        for folder in ["Checklists", "Routes"] {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name == "distances.csv" {
                guard folder == "Routes" || name != "distances.csv",
                    let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path)
                else { continue }
                files["\(folder)/\(name)"] = data.sha256Hex
            }
        }
        return PlanInputs(files: files)
    }

    /// The files that differ between the plan's inputs (`self`) and `current`, each with how, sorted by path:
    /// `Routes/north-china.yaml (changed)`, `… (missing here)`, `… (not in the plan's)`.
    public func differences(from current: PlanInputs) -> [String] {
        Set(files.keys).union(current.files.keys).sorted().compactMap { path in
            switch (files[path], current.files[path]) {
            case (let planned?, let here?): return planned == here ? nil : "\(path) (changed)"
            case (_?, nil): return "\(path) (missing here)"
            case (nil, _?): return "\(path) (not in the plan's)"
            case (nil, nil): return nil
            }
        }
    }
}
