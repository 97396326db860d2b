import ECVTestSupport
import Foundation
import Testing

/// `ecv export` on a laptop, `ecv import` at the office, through the real binary.
@Suite struct SyncCommandTests {
    @Test func aBundleTravelsFromLaptopToOfficeOnceAndADamagedOneIsRefused() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let laptop = ["--root", folder.url.path, "--db", folder.url.appendingPathComponent("laptop.sqlite").path]
        let office = ["--root", folder.url.path, "--db", folder.url.appendingPathComponent("office.sqlite").path]
        let bundle = folder.url.appendingPathComponent("laptop.ecvbundle").path
        #expect(
            try ECVRunner.run(
                [
                    "record", "HLJ-FIRE-01", "power.generator-start=fail", "--note",
                    "power.generator-start=starter relay dead",
                ] + laptop
            ).status == 0)
        let export = try ECVRunner.run(["export", "--out", bundle] + laptop)
        #expect(export.status == 0)
        #expect(export.stdout == "exported 1 inspections, 1 results, 0 photos, 2 audit lines to \(bundle)\n")

        let first = try ECVRunner.run(["import", bundle] + office)
        #expect(first.status == 0)
        #expect(
            first.stdout.contains(
                "1 new inspections, 0 finished, 1 new results (0 already here), 0 new photos, 2 audit lines, 0 conflicts"
            ))
        let again = try ECVRunner.run(["import", bundle] + office)
        #expect(
            again.stdout.contains(
                "0 new inspections, 0 finished, 0 new results (1 already here), 0 new photos, 0 audit lines"))
        let board = try ECVRunner.run(["status", "--format", "csv"] + office)
        #expect(board.stdout.contains("HLJ-FIRE-01,hlj-fire,northeast,NOT_DEPLOYABLE"))

        var damaged = try #require(FileManager.default.contents(atPath: bundle))
        damaged[damaged.count - 10] ^= 0x20
        try folder.write(damaged, to: "damaged.ecvbundle")
        let refused = try ECVRunner.run(
            ["import", folder.url.appendingPathComponent("damaged.ecvbundle").path] + office)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the bundle is corrupted or was changed (the audit fail their SHA-256 check)"))
    }
}
