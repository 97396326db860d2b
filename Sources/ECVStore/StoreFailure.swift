import GRDB

/// Why the database refused a read or a write, in the terms a person can act on.
public enum StoreFailure: Equatable, Sendable {
    /// Another writer (an import, a second process) held the database past the busy timeout.
    case busy
    /// The disk is full.
    case full
    /// The database file or its folder cannot be written.
    case readOnly
    /// Anything else SQLite reported, as its message.
    case other(String)

    /// Whether SQLite reported something other than busy, full or read-only.
    public var isOther: Bool {
        if case .other = self { return true }
        return false
    }

    /// The failure behind `error`, `nil` when it does not come from SQLite.
    public init?(_ error: any Error) {
        if case .unavailable(let failure, _) = error as? StoreError {
            self = failure
            return
        }
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_FULL: self = .full
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: self = .readOnly
        default: self = .other(error.message ?? "\(error.resultCode)")
        }
    }
}
