import Foundation

/// Slows down password guessing: after `allowed` failed sign-ins for one name within `window`, that name is
/// refused until the oldest of them leaves the window, whatever password is typed.
///
/// Kept in memory: a restarted hub starts counting again, which costs a guesser a restart it cannot cause.
public actor SignInThrottle {
    /// Failures allowed within the window.
    public let allowed: Int
    /// Seconds failures are remembered.
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    /// `allowed` failures per name within `window` seconds.
    public init(allowed: Int = 5, window: TimeInterval = 15 * 60) {
        self.allowed = allowed
        self.window = window
    }

    /// When `name` may try again, or `nil` when it may now.
    public func blockedUntil(_ name: String, at now: Date) -> Date? {
        let recent = recentFailures(of: name, at: now)
        guard recent.count >= allowed, let oldest = recent.first else { return nil }
        return oldest.addingTimeInterval(window)
    }

    /// Counts a failed sign-in of `name`.
    public func failed(_ name: String, at now: Date) {
        failures[Self.key(name)] = recentFailures(of: name, at: now) + [now]
        // Names typed once and never again would pile up: forget those whose failures are all old.
        if failures.count > 10_000 {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
        }
    }

    /// Forgets the failures of `name` after a good sign-in.
    public func succeeded(_ name: String) {
        failures[Self.key(name)] = nil
    }

    private func recentFailures(of name: String, at now: Date) -> [Date] {
        (failures[Self.key(name)] ?? []).filter { now.timeIntervalSince($0) < window }
    }

    private static func key(_ name: String) -> String { String(name.lowercased().prefix(64)) }
}
