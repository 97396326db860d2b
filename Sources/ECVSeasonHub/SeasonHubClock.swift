import Foundation

/// The season's clock as the hub and its clients read it: requests are signed and bundles checked against the
/// moment the season is playing, not the machine's.
final class SeasonHubClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment = Date(timeIntervalSince1970: 0)

    /// The moment being played.
    var now: Date { lock.withLock { moment } }

    /// Moves the clock to `date`.
    func set(_ date: Date) {
        lock.withLock { moment = date }
    }
}
