import ECVCatalog
import ECVHub
import ECVHubTestSupport
import ECVSync
import ECVTestSupport
import Foundation
import Testing

/// The hub is killed with SIGKILL in the middle of a laptop's push of 2,000 results and started again on the same
/// database: the laptop's next sync sends the work again and the hub holds each result once.
@Suite(.needs(.postgresql, .postgresqlClient), .serialized) struct HubPushKillTests {
    @Test func aHubKilledDuringAPushKeepsNothingOfItAndTakesTheNextPushWhole() throws {
        // The test's own cluster: the database outlives the hub.
        let cluster = try TemporaryCluster(database: "ecv_hub")
        defer { cluster.stop() }
        let database = cluster.url
        let office = try SyncPlace()
        let laptop = try SyncPlace()
        try office.makeOfficeKeys()
        try laptop.makeLaptopKey("lap-a", officeAt: office)
        try HubProcess.migrate(database, officeAt: office)
        var hub = try HubProcess.startOnAPortToComeBackTo(["--database", database])
        defer { hub.stop() }
        try office.run([
            "hub", "enroll", "--hub", hub.url, "office", office.key("laptop-office-ed25519.pub"), "--office",
        ])
        try office.run(["hub", "enroll", "--hub", hub.url, "lap-a", laptop.key("laptop-lap-a-ed25519.pub")])
        try office.run(["sync", "--hub", hub.url])
        try laptop.folder.write(try Self.resultsFile(count: 2_000), to: "results.csv")
        try laptop.run(["record", "--file", laptop.path("results.csv")])

        // An administrator's transaction holds the receipt table: the push (one statement, `ecv_take_push`) writes
        // its rows, then waits to write its receipt, in flight whatever the machine's speed.
        let administrator = try PostgreSQLSession(on: database)
        administrator.send("BEGIN; LOCK TABLE receipt IN EXCLUSIVE MODE;")
        try PostgreSQLShell.wait(
            until: "SELECT count(*) FROM pg_locks WHERE relation = 'receipt'::regclass AND mode = 'ExclusiveLock'",
            gives: 1, on: database)
        let push = try ECVRunner.start(["sync", "--hub", hub.url] + laptop.root)
        let waitingForReceipt = """
            SELECT a.pid FROM pg_stat_activity a
            WHERE a.wait_event_type = 'Lock' AND a.query LIKE '%ecv_take_push%'
            """
        try PostgreSQLShell.wait(until: "SELECT count(*) FROM (\(waitingForReceipt)) AS push", gives: 1, on: database)
        // The push has written its results, in the transaction that waits.
        #expect(
            try PostgreSQLShell.count(
                """
                SELECT count(*) FROM pg_locks WHERE pid IN (\(waitingForReceipt)) AND granted
                  AND relation = 'result'::regclass AND mode = 'RowExclusiveLock'
                """, on: database) == 1)
        hub.process.kill()
        _ = try hub.process.wait()
        // PostgreSQL notices that the hub's connection is gone and drops the push while it still waits.
        try PostgreSQLShell.wait(
            until: "SELECT count(*) FROM (\(waitingForReceipt)) AS push", gives: 0, on: database, within: 30)
        administrator.end(with: "ROLLBACK;")
        let cut = try push.wait()
        #expect(cut.status != 0 && cut.stderr.contains("cannot reach the hub"), "\(cut.stdout) \(cut.stderr)")
        // Once the killed hub's connections are gone, nothing of the push is left.
        try PostgreSQLShell.wait(
            until: """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                """, gives: 0, on: database)
        for table in ["inspection", "result", "audit", "receipt"] {
            #expect(try PostgreSQLShell.count("SELECT count(*) FROM \(table)", on: database) == 0, "\(table)")
        }

        // The same hub again, on the same database and address.
        let address = hub.url
        hub = try HubProcess.start(["--database", database, "--port", hub.port])
        #expect(hub.url == address)
        let sent = try laptop.run(["sync", "--hub", hub.url])
        #expect(sent.stdout.contains(" 2000 results,"), "\(sent.stdout)")
        #expect(try laptop.run(["sync", "--hub", hub.url]).stdout.contains("nothing new to send"))
        #expect(
            try PostgreSQLShell.query(
                "SELECT count(*), sum(already_here) FROM receipt WHERE signer = 'lap-a'", on: database)
                == ["1|0"])

        // Each of the laptop's results once: the same ids and versions as the laptop's own bundle of everything.
        let carried = try SyncPlace.carrying([(laptop, "lap-a")], routesOf: office)
        let bundle = try SyncBundle(data: Data(contentsOf: URL(fileURLWithPath: carried.path("lap-a.ecvbundle"))))
        let recorded = bundle.results.map { "\($0.id.uuidString.lowercased())|\($0.version)" }.sorted()
        #expect(recorded.count == 2_000)
        let held = try PostgreSQLShell.query("SELECT id, version FROM result ORDER BY id, version", on: database)
        #expect(held == recorded)
        try office.run(["sync", "--hub", hub.url])
        #expect(try office.board() == carried.board())
    }

    /// `count` results as `ecv record --file` reads them: every item of one vehicle after another, each passing
    /// but HLJ-FIRE-01's generator start, a critical failure, so the board has each verdict's reason to show.
    static func resultsFile(count: Int) throws -> String {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let failing = (vehicle: "HLJ-FIRE-01", item: "power.generator-start")
        let placements =
            catalog.placements.filter { $0.vehicle.id == failing.vehicle }
            + catalog.placements.filter { $0.vehicle.id != failing.vehicle }
        var lines = ["vehicle,item,value,note"]
        for placement in placements {
            for item in catalog.items(applyingTo: placement.vehicle) where lines.count <= count {
                let fails = (placement.vehicle.id, item.fullID) == failing
                lines.append(
                    [placement.vehicle.id, item.fullID, fails ? "fail" : item.passingAnswer, fails ? "no crank" : ""]
                        .joined(separator: ","))
            }
        }
        guard lines.count == count + 1 else {
            throw TestSupportError.setup("the sample catalog has fewer than \(count) items over all vehicles")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
