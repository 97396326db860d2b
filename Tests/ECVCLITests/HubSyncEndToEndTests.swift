import ECVTestSupport
import Foundation
import Testing

/// The office and two laptops, each a folder of its own, sync through a real `ecv hub serve` on a real
/// PostgreSQL: the plan reaches the laptops, their work reaches the office as `ecv import` would bring it, and a
/// changed Routes/ file reaches the laptops with the plan made from it.
@Suite(.needs(.postgresql), .serialized) struct HubSyncEndToEndTests {
    /// A folder with the sample catalog, its own database and keys.
    struct Place {
        let folder: TemporaryFolder
        var root: [String] { ["--root", folder.url.path] }

        init() throws { folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog) }

        @discardableResult
        func run(_ arguments: [String], _ comment: String = "") throws -> ECVRunner.Result {
            let result = try ECVRunner.run(arguments + root)
            #expect(result.status == 0, "ecv \(arguments.joined(separator: " ")): \(result.stderr) \(comment)")
            return result
        }

        func key(_ name: String) -> String { folder.url.appendingPathComponent("keys/\(name)").path }
    }

    /// `ecv hub serve --temporary-database` on a free port, and its address once it listens.
    static func startHub(officeKey: String) throws -> (ECVRunner.Running, String) {
        let hub = try ECVRunner.start(
            ["hub", "serve", "--temporary-database", "--office-key", officeKey, "--port", "0"])
        guard let line = hub.line(containing: "listening on", within: 120),
            let range = line.range(of: "http://127.0.0.1:[0-9]+", options: .regularExpression)
        else {
            hub.kill()
            let output = try hub.wait()
            throw TestSupportError.setup("the hub did not start: \(output.stdout) \(output.stderr)")
        }
        return (hub, String(line[range]))
    }

    @Test func theOfficeAndTwoLaptopsSyncThroughTheHub() throws {
        let office = try Place()
        let lapA = try Place()
        let lapB = try Place()
        try office.run(["keys", "init"])
        try office.run(["keys", "init", "--laptop", "office"])
        for (laptop, name) in [(lapA, "lap-a"), (lapB, "lap-b")] {
            try laptop.run(["keys", "init", "--laptop", name])
            // The office's public key travels once, by hand: with it a laptop checks the keys the hub hands on.
            try FileManager.default.copyItem(
                atPath: office.key("office-ed25519.pub"), toPath: laptop.key("office-ed25519.pub"))
        }
        // Laptop B's Routes/ are older than the office's: a contact changed since.
        try lapB.folder.replace("name: Sui Peng", with: "name: Sui Pen", in: "Routes/northeast.yaml")
        let (hub, url) = try Self.startHub(officeKey: office.key("office-ed25519.pub"))
        defer { hub.interrupt() }
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
        let board = try office.run(["status", "--format", "csv"]).stdout
        #expect(board.split(separator: "\n").contains { $0.hasPrefix("HLJ-FIRE-01,") && $0.contains("NOT_DEPLOYABLE") })

        // The same work carried as files gives the same board.
        let carried = try Place()
        try FileManager.default.removeItem(at: carried.folder.url.appendingPathComponent("Routes"))
        try FileManager.default.copyItem(
            at: office.folder.url.appendingPathComponent("Routes"),
            to: carried.folder.url.appendingPathComponent("Routes"))
        for (laptop, name) in [(lapA, "lap-a"), (lapB, "lap-b")] {
            try carried.run(["laptops", "enroll", name, laptop.key("laptop-\(name)-ed25519.pub")])
            let file = carried.folder.url.appendingPathComponent("\(name).ecvbundle").path
            try laptop.run(["export", "--all", "--out", file])
            try carried.run(["import", file])
        }
        #expect(try carried.run(["status", "--format", "csv"]).stdout == board)

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
    static func firstDay(of team: String, _ place: Place) throws -> String {
        let json = try place.run(["plan", "show", "published", "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let routes = try #require(document["routes"] as? [[String: Any]])
        let route = try #require(routes.first { $0["team"] as? String == team })
        let stops = try #require(route["stops"] as? [[String: Any]])
        let visit = try #require((stops.first?["visits"] as? [[String: Any]])?.first)
        return String(try #require(visit["start"] as? String).prefix(10))
    }
}
