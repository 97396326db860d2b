import ECVTestSupport
import Foundation
import Testing

/// The office and two laptops, each a folder of its own, sync through a real `ecv hub serve` on a real
/// PostgreSQL: the plan reaches the laptops, their work reaches the office as `ecv import` would bring it, and a
/// changed Routes/ file reaches the laptops with the plan made from it.
@Suite(.needs(.postgresql), .serialized) struct HubSyncEndToEndTests {
    @Test func theOfficeAndTwoLaptopsSyncThroughTheHub() throws {
        let office = try SyncPlace()
        let lapA = try SyncPlace()
        let lapB = try SyncPlace()
        try office.makeOfficeKeys()
        try lapA.makeLaptopKey("lap-a", officeAt: office)
        try lapB.makeLaptopKey("lap-b", officeAt: office)
        // Laptop B's Routes/ are older than the office's: a contact changed since.
        try lapB.folder.replace("name: Sui Peng", with: "name: Sui Pen", in: "Routes/northeast.yaml")
        let hub = try HubProcess.start(
            ["--temporary-database", "--office-key", office.key("office-ed25519.pub"), "--port", "0"])
        defer { hub.stop() }
        let url = hub.url
        try office.run(["hub", "enroll", "--hub", url, "office", office.key("laptop-office-ed25519.pub"), "--office"])
        try office.run(["hub", "enroll", "--hub", url, "lap-a", lapA.key("laptop-lap-a-ed25519.pub")])
        try office.run(["hub", "enroll", "--hub", url, "lap-b", lapB.key("laptop-lap-b-ed25519.pub")])

        try office.run(["plan", "--iterations", "300"])
        try office.run(["plan", "publish"])
        let sent = try office.run(["sync", "--hub", url])
        #expect(sent.stdout.contains("the published plan, version 1"))
        let taken = try lapB.run(["sync", "--hub", url])
        #expect(taken.stdout.contains("Routes/northeast.yaml (changed)"), "\(taken.stdout)")
        #expect(try lapB.folder.read("Routes/northeast.yaml") == office.folder.read("Routes/northeast.yaml"))
        try lapA.run(["sync", "--hub", url])
        let day = try Self.firstDay(of: "team-ne", office)
        let today = try office.run(["today", "--team", "team-ne", "--date", day]).stdout
        #expect(try lapA.run(["today", "--team", "team-ne", "--date", day]).stdout == today)
        #expect(try lapB.run(["today", "--team", "team-ne", "--date", day]).stdout == today)

        // One critical failure on laptop A, a pass on laptop B; B syncs twice.
        try lapA.run(["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay"])
        try lapB.run(["record", "HLJ-FIRE-02", "antenna.stow-lock=pass"])
        try lapA.run(["sync", "--hub", url])
        let second = try lapB.run(["sync", "--hub", url])
        #expect(second.stdout.contains("imported from lap-a: 1 new inspections"), "B takes A's work: \(second.stdout)")
        let again = try lapB.run(["sync", "--hub", url])
        #expect(again.stdout.contains("nothing new to send"))
        #expect(!again.stdout.contains("imported from"), "nothing is taken twice: \(again.stdout)")
        try office.run(["sync", "--hub", url])
        let board = try office.board()
        #expect(board.split(separator: "\n").contains { $0.hasPrefix("HLJ-FIRE-01,") && $0.contains("NOT_DEPLOYABLE") })

        // The same work carried as files gives the same board.
        let carried = try SyncPlace.carrying([(lapA, "lap-a"), (lapB, "lap-b")], routesOf: office)
        #expect(try carried.board() == board)

        // The office changes a line's file and plans again: the laptops take the file with the plan.
        try office.folder.replace("name: Liao Qiang", with: "name: Liao Qiang Jr", in: "Routes/southwest.yaml")
        try office.run(["plan", "--iterations", "300"])
        try office.run(["plan", "publish"])
        try office.run(["sync", "--hub", url])
        let next = try lapA.run(["sync", "--hub", url])
        #expect(next.stdout.contains("Routes/southwest.yaml (changed)"), "\(next.stdout)")
        #expect(try lapA.folder.read("Routes/southwest.yaml") == office.folder.read("Routes/southwest.yaml"))
        #expect(try lapA.run(["plan", "list"]).stdout.contains("published"))
    }

    /// The first day team `team` works in the published plan of `place`.
    static func firstDay(of team: String, _ place: SyncPlace) throws -> String {
        let json = try place.run(["plan", "show", "published", "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let routes = try #require(document["routes"] as? [[String: Any]])
        let route = try #require(routes.first { $0["team"] as? String == team })
        let stops = try #require(route["stops"] as? [[String: Any]])
        let visit = try #require((stops.first?["visits"] as? [[String: Any]])?.first)
        return String(try #require(visit["start"] as? String).prefix(10))
    }
}
