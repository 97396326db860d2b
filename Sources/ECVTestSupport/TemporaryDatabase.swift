import Foundation

extension TemporaryFolder {
    /// A path for a database file in this folder.
    public var databasePath: String { url.appendingPathComponent("ecv.sqlite").path }
}

/// Ids that count up from 1, so that tests read and compare them easily.
public final class SequentialIDs: @unchecked Sendable {
    private var next: UInt64 = 0

    /// Ids from 1 on.
    public init() {}

    /// The next id: 1, 2, 3 … in the last digits of the UUID.
    public func make() -> UUID {
        next += 1
        let hex = String(next, radix: 16)
        let digits = String(repeating: "0", count: 12 - hex.count) + hex
        return UUID(uuidString: "00000000-0000-0000-0000-\(digits)") ?? UUID()
    }
}
