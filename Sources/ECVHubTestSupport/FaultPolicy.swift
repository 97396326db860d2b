import ECVTestSupport
import Foundation

/// What the proxy does to one request.
public enum Fault: Sendable, Equatable {
    /// Passes the request and its response on.
    case none
    /// Passes the request on and closes the client's connection when the response begins: the hub did the work,
    /// the client never hears of it.
    case dropResponse
    /// Passes the request on and, once the hub answers, sends the same bytes to the hub once more on a connection of
    /// its own, as a middlebox that retransmits would; the first answer goes to the client, the second nowhere.
    case duplicate
    /// Holds the request this long before passing it on, so that connections opened later overtake it.
    case delay(Duration)
}

/// Which faults the proxy injects: each request that matches draws its fault from a generator seeded with `seed`,
/// in the order requests arrive.
public struct FaultPolicy: Sendable {
    /// Only requests whose request line starts with this (`POST /v1/bundles`) are touched; `nil` for all.
    public var matching: String?
    /// The chance of each fault for a matching request; what is left of 1 passes untouched.
    public var dropResponse: Double
    /// The chance that a matching request is sent to the hub a second time.
    public var duplicate: Double
    /// The chance that a matching request is held back, so that later ones overtake it.
    public var delay: Double
    /// The longest delay; each delayed request waits a uniform share of it.
    public var maximumDelay: Duration
    /// At most this many faults in all; `nil` for no bound.
    public var limit: Int?
    /// Seeds the draws: one seed, the same faults in the same order.
    public var seed: UInt64

    /// A policy; with no arguments, one that touches nothing.
    public init(
        matching: String? = nil, dropResponse: Double = 0, duplicate: Double = 0, delay: Double = 0,
        maximumDelay: Duration = .milliseconds(200), limit: Int? = nil, seed: UInt64 = 1
    ) {
        self.matching = matching
        self.dropResponse = dropResponse
        self.duplicate = duplicate
        self.delay = delay
        self.maximumDelay = maximumDelay
        self.limit = limit
        self.seed = seed
    }

    /// Drops the responses to the first `count` requests that start with `requestLine`, and touches nothing else.
    public static func dropResponses(to requestLine: String, count: Int = 1) -> FaultPolicy {
        FaultPolicy(matching: requestLine, dropResponse: 1, limit: count)
    }
}

/// Draws faults by a policy, one request at a time, from any connection.
final class FaultDraw: @unchecked Sendable {
    private let policy: FaultPolicy
    private let lock = NSLock()
    private var generator: SeededGenerator
    private var drawn = 0

    init(_ policy: FaultPolicy) {
        self.policy = policy
        generator = SeededGenerator(seed: policy.seed)
    }

    /// The fault for the request whose first line is `line`.
    func fault(for line: String) -> Fault {
        if let prefix = policy.matching, !line.hasPrefix(prefix) { return .none }
        return lock.withLock {
            if let limit = policy.limit, drawn >= limit { return .none }
            let roll = Double.random(in: 0..<1, using: &generator)
            let fault: Fault
            if roll < policy.dropResponse {
                fault = .dropResponse
            } else if roll < policy.dropResponse + policy.duplicate {
                fault = .duplicate
            } else if roll < policy.dropResponse + policy.duplicate + policy.delay {
                let share = Double.random(in: 0...1, using: &generator)
                fault = .delay(policy.maximumDelay * share)
            } else {
                fault = .none
            }
            if fault != .none { drawn += 1 }
            return fault
        }
    }
}
