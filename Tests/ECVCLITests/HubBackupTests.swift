import ECVHub
import ECVHubTestSupport
import ECVTestSupport
import Foundation
import Testing

/// A hub's database backed up with `pg_dump` and restored with `pg_restore` on a new PostgreSQL server, as
/// docs/hub.md's "Backup" says: the hub started on it holds the same records under the same identities, hands out
/// the same board and reports, and goes on where the old one stopped.
@Suite(.needs(.postgresql, .postgresqlClient), .serialized) struct HubBackupTests {
    @Test func aHubRestoredFromItsDumpGivesTheSameBoardReportsAndReceiptsAndGoesOn() throws {
        let old = try TemporaryCluster(database: "ecv_hub")
        defer { old.stop() }
        let office = try SyncPlace()
        let laptop = try SyncPlace()
        let reader = try SyncPlace()
        try office.makeOfficeKeys()
        try laptop.makeLaptopKey("lap-a", officeAt: office)
        try reader.makeLaptopKey("reader", officeAt: office)
        try HubProcess.migrate(old.url, officeAt: office)
        var hub = try HubProcess.startOnAPortToComeBackTo(["--database", old.url])
        defer { hub.stop() }
        try office.run([
            "hub", "enroll", "--hub", hub.url, "office", office.key("laptop-office-ed25519.pub"), "--office",
        ])
        for (place, name) in [(laptop, "lap-a"), (reader, "reader")] {
            try office.run(["hub", "enroll", "--hub", hub.url, name, place.key("laptop-\(name)-ed25519.pub")])
        }
        try office.run(["plan", "--iterations", "300"])
        try office.run(["plan", "publish"])
        try office.run(["sync", "--hub", hub.url])
        try laptop.run(["sync", "--hub", hub.url])
        try laptop.run(["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay"])
        try laptop.run(["record", "HLJ-FIRE-02", "antenna.stow-lock=pass"])
        try laptop.run(["sync", "--hub", hub.url])
        try office.run(["sync", "--hub", hub.url])
        let board = try office.board()
        let reports = try Self.reportIDs(of: office)
        let identities = try Self.identities(in: old.url)

        // The backup, then the old server is gone; a new one gets the roles, which belong to a server and are not
        // in a database's dump, and the dump.
        let dump = office.path("ecv_hub.dump")
        try PostgreSQLShell.run("pg_dump", ["--format=custom", "--file", dump, old.url])
        hub.stop()
        old.stop()
        let new = try TemporaryCluster(database: "ecv_hub")
        defer { new.stop() }
        try PostgreSQLShell.run(
            "psql",
            [
                "-X", "-v", "ON_ERROR_STOP=1", "-d", new.url, "-c", "CREATE ROLE ecv_client NOLOGIN",
                "-c", "GRANT ecv_client TO CURRENT_USER",
            ])
        try PostgreSQLShell.run("pg_restore", ["--exit-on-error", "--no-owner", "--dbname", new.url, dump])
        let address = hub.url
        hub = try HubProcess.start(["--database", new.url, "--port", hub.port])
        #expect(hub.url == address)
        #expect(try Self.identities(in: new.url) == identities)

        // A reader that never synced before takes everything from the restored hub: the office's board and reports.
        try reader.run(["sync", "--hub", hub.url])
        #expect(try reader.board() == board)
        #expect(try Self.reportIDs(of: reader) == reports)
        // The office and the laptop go on from where they were: nothing again, and new work after the last receipt.
        let again = try office.run(["sync", "--hub", hub.url]).stdout
        #expect(again.contains("nothing new to send") && !again.contains("imported from"), "\(again)")
        try laptop.run(["record", "HLJ-FIRE-03", "antenna.stow-lock=pass"])
        try laptop.run(["sync", "--hub", hub.url])
        let taken = try office.run(["sync", "--hub", hub.url]).stdout
        #expect(taken.contains("imported from lap-a: 1 new inspections"), "\(taken)")
        let receipts = try PostgreSQLShell.query("SELECT seq FROM receipt ORDER BY seq", on: new.url)
        #expect(receipts == (1...receipts.count).map(String.init))
    }

    /// What the hub's records are known by: receipts (sequence number, SHA-256, signer), inspections, result
    /// versions, audit lines, the published plans and the enrolled keys.
    static func identities(in database: String) throws -> [String] {
        try [
            "SELECT seq, sha256, signer FROM receipt ORDER BY seq",
            "SELECT id, vehicle_id, receipt FROM inspection ORDER BY id",
            "SELECT id, version, status FROM result ORDER BY id, version",
            "SELECT id FROM audit ORDER BY id",
            "SELECT id, version FROM published_plan ORDER BY id",
            "SELECT name, fingerprint, role FROM enrolled_key ORDER BY name",
        ].flatMap { sql in [sql] + (try PostgreSQLShell.query(sql, on: database)) }
    }

    /// The ids of HLJ-FIRE-01's report and of the tour report, as `place` writes them.
    static func reportIDs(of place: SyncPlace) throws -> [String] {
        let folder = try TemporaryFolder()
        let vehicle = try place.run(["report", "vehicle", "HLJ-FIRE-01", "--out", folder.url.path]).stdout
        let tour = try place.run(["report", "tour", "--out", folder.url.path]).stdout
        return try [vehicle, tour].map { printed in
            let page = try String(
                contentsOfFile: printed.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
            let id = try #require(
                page.range(of: "[A-Z]{2}-[A-Za-z0-9-]+-[0-9]{8}-[0-9a-f]{8}", options: .regularExpression))
            return String(page[id])
        }
    }
}
