import ECVHub
import ECVSeasonHub
import ECVTestSupport
import Foundation
import Testing

/// Short seasons whose laptops and office sync through a hub served on a real PostgreSQL cluster, the hub
/// restarted on its database now and then: every invariant holds after every step, the hub's own included.
@Suite(.needs(.postgresql)) struct HubSeasonTests {
    @Test func shortSeasonsThroughAHubKeepEveryInvariant() async throws {
        let cluster = try TemporaryCluster(database: "hub_seasons")
        defer { cluster.stop() }
        var violations: [SeasonViolation] = []
        for seed: UInt64 in [1, 2] {
            var settings = SeasonSimulator.Settings(seed: seed, days: 14)
            settings.iterations = 60
            settings.overHub = true
            let outcome = try await Self.onThreadOfItsOwn { [settings] in
                let transport = HubTransport(cluster: cluster)
                // Often enough that each season meets a restart.
                transport.restartPercent = 30
                return try SeasonSimulator(settings: settings).run(transport: transport)
            }
            // A season that records, syncs or restarts nothing keeps every invariant and proves nothing.
            #expect(outcome.answers > 50, "seed \(seed): \(outcome.answers) answers")
            #expect(outcome.syncs > 30, "seed \(seed): \(outcome.syncs) syncs")
            #expect(outcome.hubRestarts > 0, "seed \(seed): the hub was never restarted")
            violations += outcome.violations
        }
        let found = violations.prefix(5).map(\.description)
        #expect(violations.isEmpty, "\(violations.count) violations:\n\(found.joined(separator: "\n"))")
    }

    @Test func theReplayCommandOfAHubSeasonSaysHub() {
        var settings = SeasonSimulator.Settings(seed: 3, days: 14)
        settings.overHub = true
        #expect(settings.replay == "swift run -c release season-sim --hub --seasons 1 --seed 3 --days 14")
    }

    /// The season waits for each sync on its own thread, never holding a thread of the cooperative pool.
    static func onThreadOfItsOwn(_ body: @escaping @Sendable () throws -> SeasonOutcome) async throws
        -> SeasonOutcome
    {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
