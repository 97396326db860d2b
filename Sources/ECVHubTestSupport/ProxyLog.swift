import Foundation

/// What the proxy did, for a test to check and a benchmark to print.
public final class ProxyLog: @unchecked Sendable {
    /// Counts of what happened so far.
    public struct Summary: Sendable, Equatable {
        /// Connections accepted from clients.
        public var connections = 0
        /// Whole requests passed to the hub (duplicates not counted).
        public var requests = 0
        /// The request lines whose responses were dropped, in order.
        public var droppedResponses: [String] = []
        /// The statuses the hub gave duplicates, in order (0 when no status came back).
        public var duplicateStatuses: [Int] = []
        /// Requests held back before they were passed on.
        public var delayed = 0
    }

    private let lock = NSLock()
    private var summary = Summary()

    /// What happened so far.
    public var snapshot: Summary { lock.withLock { summary } }

    func update(_ change: (inout Summary) -> Void) {
        lock.withLock { change(&summary) }
    }
}
