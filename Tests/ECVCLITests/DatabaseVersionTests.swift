import ECVTestSupport
import Foundation
import GRDB
import Testing

/// What ecv does with a database it did not make in this release, or may not write.
@Suite struct DatabaseVersionTests {
    let folder: TemporaryFolder
    var root: [String] { ["--root", folder.url.path] }
    var database: String { folder.url.appendingPathComponent("ecv.sqlite").path }

    init() throws {
        folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
    }

    /// The database's bytes and modification time, for "nothing was written".
    func fingerprint() throws -> (Data, Date?) {
        let data = try #require(FileManager.default.contents(atPath: database))
        let modified = try FileManager.default.attributesOfItem(atPath: database)[.modificationDate] as? Date
        return (data, modified)
    }

    @Test func aDatabaseANewerReleaseMigratedIsRefusedAndLeftAlone() throws {
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + root).status == 0)
        let queue = try DatabaseQueue(path: database)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-results-by-season')") }
        try queue.close()
        let before = try fingerprint()
        for command in [["record", "HLJ-FIRE-01", "power.grounding=1.2"], ["status"], ["history", "HLJ-FIRE-01"]] {
            let run = try ECVRunner.run(command + root)
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("it was made by a newer ecv (its migration `v9-results-by-season` is unknown"))
        }
        let after = try fingerprint()
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func readingCommandsLeaveTheDatabaseAsItWas() throws {
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "--iterations", "200", "--threads", "1"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let before = try fingerprint()
        let out = folder.url.appendingPathComponent("out").path
        for command in [
            ["today", "--team", "team-ne"], ["plan", "list"], ["plan", "show"], ["plan", "show", "published"],
            ["status"], ["history", "HLJ-FIRE-01"],
            ["report", "vehicle", "HLJ-FIRE-01", "--format", "csv", "--out", out],
            ["report", "tour", "--format", "csv", "--out", out],
        ] {
            let run = try ECVRunner.run(command + root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let after = try fingerprint()
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func readingCommandsWorkWhileAnotherProcessHoldsTheWriteLock() throws {
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "--iterations", "200", "--threads", "1"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        // A read-only file refuses nobody who runs as root (as CI does); a held write lock refuses every
        // writer alike, and a reading command must not need one.
        let lock = try HeldWriteLock(path: database)
        defer { lock.unlock() }
        let out = folder.url.appendingPathComponent("out").path
        for command in [
            ["today", "--team", "team-ne"], ["plan", "list"], ["plan", "show"], ["status"], ["history", "HLJ-FIRE-01"],
            ["report", "vehicle", "HLJ-FIRE-01", "--format", "csv", "--out", out],
        ] {
            let run = try ECVRunner.run(command + root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
    }
}
