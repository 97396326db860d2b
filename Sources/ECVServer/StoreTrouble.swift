import ECVModel
import ECVStore

/// A failure of the database or the server as the engineer reads it: what happened, in one line.
enum StoreTrouble {
    static func message(_ error: any Error, _ messages: Messages) -> String {
        switch StoreFailure(error) {
        case .busy: return messages("web.error.busy")
        case .full: return messages("web.error.diskFull")
        case .readOnly: return messages("web.error.readOnly")
        case .other(let reason): return messages("web.error.storage", reason)
        case nil: return messages("web.error.internal", "\(error)")
        }
    }
}
