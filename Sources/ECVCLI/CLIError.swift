import ECVModel
import ECVPlanning
import ECVStore
import ECVSync

/// A failure the user can act on; printed as one `error:` line, exit status 1.
enum CLIError: Error, CustomStringConvertible {
    /// The catalog has errors; they were printed above.
    case invalidCatalog(errorCount: Int)
    /// An id that names nothing: what kind of thing, the id, and the closest known id.
    case unknown(String, String, suggestion: String?)
    case unreadableFile(String)
    case badInstance(file: String, Error)
    case planning(Error)
    case store(StoreError)
    case entries(EntryErrors)
    case badFile(String)
    case noPlan(PlanSelector)
    /// A stored plan version that cannot be read back.
    case unreadablePlan(StoredPlanError)
    case cannotWrite(String, String)
    /// A message already in the reader's language.
    case said(String)

    /// The message as the lines it prints as: one per problem.
    ///
    /// Only lines this type puts together are separate; a line break inside a value stays inside its line (`printError` escapes it).
    var lines: [String] {
        switch self {
        case .entries(let errors):
            return ["nothing recorded; \(errors.messages.count) bad entr\(errors.messages.count == 1 ? "y" : "ies"):"]
                + errors.messages
        case .badFile(let message):
            // Messages of files list one problem a line, each quoting its values escaped.
            return message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        default:
            return [description]
        }
    }

    var description: String {
        switch self {
        case .invalidCatalog(let count):
            return
                "Checklists/ and Routes/ have \(count) error\(count == 1 ? "" : "s"); see above or run `ecv validate`"
        case .said(let message):
            return message
        case .unknown(let kind, let id, let suggestion):
            return "unknown \(kind) `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .unreadableFile(let path):
            return "cannot read \(path)"
        case .badInstance(let file, let error):
            return "\(file):\(error)"
        case .planning(let error):
            return "\(error)"
        case .store(let error):
            return error.description
        case .badFile(let message):
            return message
        case .noPlan(let selector):
            switch selector {
            case .published:
                return "no plan is published yet; make one with `ecv plan` and publish it with `ecv plan publish`"
            case .latestDraft: return "no draft to publish; make one with `ecv plan` or `ecv replan`"
            case .latest: return "no plan stored yet; run `ecv plan` first"
            case .version(let version):
                return "no plan version \(version) is stored; `ecv plan list` shows the stored ones"
            }
        case .unreadablePlan(let error):
            return error.description
        case .entries(let errors):
            return "nothing recorded; \(errors.messages.count) bad entr\(errors.messages.count == 1 ? "y" : "ies"):\n"
                + errors.messages.joined(separator: "\n")
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

extension CLIError {
    /// The key `read` returns; a missing or malformed key file is a bad file, printed as one line.
    static func readingKey<T>(_ read: () throws(KeyError) -> T) throws(CLIError) -> T {
        do {
            return try read()
        } catch {
            throw .badFile(error.description)
        }
    }
}
