import ECVModel

/// A failure the user can act on; printed as one `error:` line, exit status 1.
enum CLIError: Error, CustomStringConvertible {
    /// The catalog has errors; they were printed above.
    case invalidCatalog(errorCount: Int)
    case unknownVehicle(String, suggestion: String?)
    case unknownRoute(String, suggestion: String?)
    case unreadableFile(String)
    case badInstance(file: String, Error)
    case planning(Error)
    case cannotWrite(String, String)

    var description: String {
        switch self {
        case .invalidCatalog(let count):
            return
                "Checklists/ and Routes/ have \(count) error\(count == 1 ? "" : "s"); see above or run `ecv validate`"
        case .unknownVehicle(let id, let suggestion):
            return "unknown vehicle `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .unknownRoute(let id, let suggestion):
            return "unknown route `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .unreadableFile(let path):
            return "cannot read \(path)"
        case .badInstance(let file, let error):
            return "\(file):\(error)"
        case .planning(let error):
            return "\(error)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
