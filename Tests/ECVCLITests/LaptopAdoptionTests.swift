import ECVTestSupport
import Foundation
import Testing

/// Work recorded on a laptop before it had a key is never trapped there: the first key adopts it, says so,
/// and export sends it to an office that enrolled that key — through the real binary.
@Suite struct LaptopAdoptionTests {
    @Test func workRecordedBeforeTheLaptopsKeyIsAdoptedByItAndReachesTheOffice() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let officeFolder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let laptop = ["--root", folder.url.path]
        let office = ["--root", officeFolder.url.path]
        let recorded = try ECVRunner.run(
            ["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay dead"]
                + laptop)
        #expect(recorded.status == 0, "\(recorded.stderr)")

        let keys = try ECVRunner.run(["keys", "init", "--laptop", "lap-a"] + laptop)
        #expect(keys.status == 0, "\(keys.stderr)")
        let host = ProcessInfo.processInfo.hostName
        #expect(
            keys.stdout.hasPrefix(
                "adopted 1 result, 1 inspection and 0 photos recorded as laptop `\(host)` before this laptop had a "
                    + "key; they are exported as `lap-a`\n"), "\(keys.stdout)")
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + laptop).stdout
        #expect(history.contains("@lap-a  adoption adopted 1 result"), "\(history)")
        #expect(history.contains("power.generator-start: fail — relay dead"), "\(history)")
        #expect(try ECVRunner.run(["keys", "init", "--laptop", "lap-b"] + laptop).status == 1)

        let bundle = folder.url.appendingPathComponent("lap-a.ecvbundle").path
        let export = try ECVRunner.run(["export", "--out", bundle] + laptop)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            export.stdout.hasPrefix("exported 1 inspections, 1 results, 0 photos, 2 audit lines"), "\(export.stdout)")
        let publicKey = folder.url.appendingPathComponent("keys/laptop-lap-a-ed25519.pub").path
        #expect(try ECVRunner.run(["laptops", "enroll", "lap-a", publicKey] + office).status == 0)
        let imported = try ECVRunner.run(["import", bundle] + office)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 new inspections, 0 finished, 1 new results"), "\(imported.stdout)")
        let board = try ECVRunner.run(["status", "--format", "csv"] + office)
        #expect(board.stdout.contains("HLJ-FIRE-01,hlj-fire,northeast,NOT_DEPLOYABLE"))
    }

    @Test func aKeyMadeByAnOlderEcvStillAdoptsTheWorkRecordedBeforeIt() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let laptop = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + laptop).status == 0)
        // A key made without touching this database, as before keys adopted anything.
        let elsewhere = folder.url.appendingPathComponent("none.sqlite").path
        #expect(try ECVRunner.run(["keys", "init", "--laptop", "lap-a", "--db", elsewhere] + laptop).status == 0)
        let refused = try ECVRunner.run(
            ["export", "--out", folder.url.appendingPathComponent("a.ecvbundle").path] + laptop)
        #expect(refused.status == 1)
        let again = try ECVRunner.run(["keys", "init", "--laptop", "lap-a"] + laptop)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("adopted 1 result, 1 inspection and 0 photos"), "\(again.stdout)")
        let export = try ECVRunner.run(
            ["export", "--out", folder.url.appendingPathComponent("b.ecvbundle").path] + laptop)
        #expect(export.status == 0, "\(export.stderr)")
    }
}
