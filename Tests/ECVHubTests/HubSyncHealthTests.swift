import ECVHubClient
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// Sync health: every push refused is recorded with its reason, and each key's last push and pull are known.
@Suite(.needs(.postgresql))
struct HubSyncHealthTests {
    @Test func aRefusedPushIsRecordedWithItsReasonAndPushesAndPullsAreDated() async throws {
        let laptopA = try HubLaptop("ne-1")
        let laptopB = try HubLaptop("ne-2")
        try laptopA.inspect("HLJ-FIRE-01", minutes: 0)
        try laptopB.inspect("HLJ-EM-01", minutes: 0)
        let bundleA = try laptopA.export()
        let bundleB = try laptopB.export()
        let clock = TestClock(HubLaptop.start.addingTimeInterval(86_400))
        let now: @Sendable () -> Date = { clock.now }
        try await HubTestServer.with(now: now) { hub in
            try await HubPageFixture.pushCatalog(hub)
            let keyA = try await HubPageFixture.enroll(laptopA, at: hub)
            _ = try await HubPageFixture.enroll(laptopB, at: hub)
            let atA = hub.client(signedBy: "ne-1") { try laptopA.key.signature(for: $0) }
            // B's bundle pushed with A's key: refused, and the refusal kept.
            await #expect(throws: HubClientError.self) { try await atA.push(bundle: bundleB) }
            let refused = try #require(try await hub.database.syncHealth().refusals.first)
            #expect(refused.signer == "ne-1")
            #expect(refused.reason == "the bundle is of laptop ne-2; key `ne-1` pushes its own")
            #expect(refused.sha256 == bundleB.sha256Hex)
            #expect(try await hub.database.count("SELECT count(*) FROM result") == 0)
            // Garbage is refused and recorded too, with what was wrong with it.
            if case .success = try await HubPageFixture.push(Data("not a bundle".utf8), from: keyA, to: hub) {
                Issue.record("garbage was taken")
            }
            #expect(try await hub.database.syncHealth().refusals.count == 2)

            clock.now = clock.now.addingTimeInterval(60)
            _ = try await atA.push(bundle: bundleA)
            clock.now = clock.now.addingTimeInterval(60)
            _ = try await atA.pull(since: 0)
            let health = try await hub.database.syncHealth()
            let a = try #require(health.keys.first { $0.name == "ne-1" })
            #expect(a.bundles == 1)
            #expect(a.lastPush.map { abs($0.timeIntervalSince(clock.now.addingTimeInterval(-60))) < 0.001 } == true)
            #expect(a.lastPull.map { abs($0.timeIntervalSince(clock.now)) < 0.001 } == true)
            let b = try #require(health.keys.first { $0.name == "ne-2" })
            #expect(b.lastPush == nil && b.lastPull == nil && b.bundles == 0)
        }
    }
}
