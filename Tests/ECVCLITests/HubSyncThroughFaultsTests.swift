import ECVHubTestSupport
import ECVTestSupport
import Foundation
import Testing

/// `ecv sync` through a proxy that loses the hub's replies: the hub commits a push whose receipt never reaches the
/// laptop; the laptop sends again and counts its work exported only once a receipt is in.
@Suite(.needs(.postgresql), .serialized) struct HubSyncThroughFaultsTests {
    /// A hub with the office's published plan and one laptop, `lap-a`, that has taken it and recorded two results
    /// on HLJ-FIRE-01 since.
    struct Setting {
        let hub: RunningHub
        let laptop: SyncPlace
    }

    static func setting() throws -> Setting {
        let office = try SyncPlace()
        let laptop = try SyncPlace()
        try office.makeOfficeKeys()
        try laptop.makeLaptopKey("lap-a", officeAt: office)
        let hub = try RunningHub(officeKey: office.key("office-ed25519.pub"))
        try office.run([
            "hub", "enroll", "--hub", hub.url, "office", office.key("laptop-office-ed25519.pub"), "--office",
        ])
        try office.run(["hub", "enroll", "--hub", hub.url, "lap-a", laptop.key("laptop-lap-a-ed25519.pub")])
        try office.run(["plan", "--iterations", "300"])
        try office.run(["plan", "publish"])
        try office.run(["sync", "--hub", hub.url])
        try laptop.run(["sync", "--hub", hub.url])
        try laptop.run([
            "record", "HLJ-FIRE-01", "power.generator-start=fail", "antenna.stow-lock=pass", "--note",
            "power.generator-start=relay",
        ])
        return Setting(hub: hub, laptop: laptop)
    }

    /// How many rows of `lap-a`'s results the hub holds, and how many of them repeat an id.
    static func results(at hub: RunningHub) async throws -> (rows: Int, repeated: Int) {
        (
            try await hub.integer("SELECT count(*) FROM result WHERE laptop = 'lap-a'"),
            try await hub.integer("SELECT count(*) - count(DISTINCT id) FROM result WHERE laptop = 'lap-a'")
        )
    }

    @Test func aPushWhoseReceiptIsLostIsSentAgainAndGetsTheReceiptOfTheCommittedPush() async throws {
        let setting = try Self.setting()
        defer { _ = try? setting.hub.stop() }
        let proxy = try await FaultProxy.start(
            forwardingTo: setting.hub.port, policy: .dropResponses(to: "POST /v1/bundles"))
        let synced = try setting.laptop.run(["sync", "--hub", proxy.url])
        await proxy.stop()
        #expect(proxy.log.snapshot.droppedResponses == ["POST /v1/bundles HTTP/1.1"])
        // The second attempt's receipt counts the records as new: it is the receipt of the first push, which the
        // hub committed; a push taken anew would find them all already there.
        let line = try #require(synced.stdout.split(separator: "\n").first { $0.hasPrefix("sent ") })
        #expect(line.contains("2 results"), "\(line)")
        let receipt = try #require(line.firstMatch(of: /receipt ([0-9a-f]{12}): ([0-9]+) new/))
        #expect(Int(receipt.2) ?? 0 > 2, "\(line)")
        #expect(
            try await setting.hub.integer(
                "SELECT count(*) FROM receipt WHERE signer = 'lap-a' AND sha256 LIKE '\(receipt.1)%' AND new_rows = \(receipt.2)"
            ) == 1)
        #expect(try await setting.hub.integer("SELECT count(*) FROM receipt WHERE signer = 'lap-a'") == 1)
        let (rows, repeated) = try await Self.results(at: setting.hub)
        #expect(rows == 2 && repeated == 0)
        // Exported once the receipt was in: the next sync has nothing to send.
        #expect(try setting.laptop.run(["sync", "--hub", setting.hub.url]).stdout.contains("nothing new to send"))
    }

    @Test func aPushThatNeverHearsBackStaysToBeSentAndTheHubKeepsItsRecordsOnce() async throws {
        let setting = try Self.setting()
        defer { _ = try? setting.hub.stop() }
        // Every attempt of this sync reaches the hub; no reply comes back.
        let proxy = try await FaultProxy.start(
            forwardingTo: setting.hub.port, policy: .dropResponses(to: "POST /v1/bundles", count: 100))
        let cutOff = try ECVRunner.run(["sync", "--hub", proxy.url] + setting.laptop.root)
        await proxy.stop()
        #expect(cutOff.status != 0)
        #expect(cutOff.stderr.contains("cannot reach the hub"), "\(cutOff.stderr)")
        #expect(proxy.log.snapshot.droppedResponses.count > 1)
        #expect(try await setting.hub.integer("SELECT count(*) FROM receipt WHERE signer = 'lap-a'") == 1)
        // Not exported: the next sync sends the same records, and the hub has them already.
        let again = try setting.laptop.run(["sync", "--hub", setting.hub.url])
        #expect(again.stdout.contains("2 results"), "\(again.stdout)")
        #expect(again.stdout.contains(": 0 new, 0 conflicts"), "\(again.stdout)")
        let (rows, repeated) = try await Self.results(at: setting.hub)
        #expect(rows == 2 && repeated == 0)
        #expect(try setting.laptop.run(["sync", "--hub", setting.hub.url]).stdout.contains("nothing new to send"))
    }
}
