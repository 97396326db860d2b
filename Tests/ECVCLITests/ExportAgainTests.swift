import ECVTestSupport
import Foundation
import Testing

/// A bundle lost on the way is written again, and importing it where part of it is adds only what is missing.
@Suite struct ExportAgainTests {
    typealias Pair = SyncCommandTests.Pair

    @Test func aLostBundleIsWrittenAgainAndItsImportAddsOnlyWhatIsMissing() throws {
        let pair = try Pair()
        let folder = pair.laptopFolder.url
        _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + pair.laptop)
        let first = folder.appendingPathComponent("first.ecvbundle").path
        #expect(try ECVRunner.run(["export", "--out", first] + pair.laptop).status == 0)
        let failed = try ECVRunner.run(
            ["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay"]
                + pair.laptop)
        #expect(failed.status == 0, "\(failed.stderr)")
        // The second bundle is lost on the way: only the first reaches the office.
        let lost = folder.appendingPathComponent("lost.ecvbundle").path
        #expect(try ECVRunner.run(["export", "--out", lost] + pair.laptop).status == 0)
        #expect(try ECVRunner.run(["import", first] + pair.office).stdout.contains("1 new results"))
        // Nothing is new since the last export, so a plain export is empty; --all writes everything again.
        let empty = folder.appendingPathComponent("empty.ecvbundle").path
        #expect(try ECVRunner.run(["export", "--out", empty] + pair.laptop).stdout.contains(" 0 results"))
        let again = folder.appendingPathComponent("again.ecvbundle").path
        let export = try ECVRunner.run(["export", "--all", "--out", again] + pair.laptop)
        #expect(export.stdout.contains(" 2 results"), "\(export.stdout)")
        let imported = try ECVRunner.run(["import", again] + pair.office)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 new results (1 already here)"), "\(imported.stdout)")
        let status = try ECVRunner.run(["status"] + pair.office).stdout
        #expect(status.contains("NOT DEPLOYABLE") || status.contains("NOT_DEPLOYABLE"))
    }

    @Test func sinceADayWritesWhatWasRecordedFromThatDay() throws {
        let pair = try Pair()
        _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + pair.laptop)
        let first = pair.laptopFolder.url.appendingPathComponent("first.ecvbundle").path
        #expect(try ECVRunner.run(["export", "--out", first] + pair.laptop).status == 0)
        let again = pair.laptopFolder.url.appendingPathComponent("again.ecvbundle").path
        let later = try ECVRunner.run(["export", "--since", "2999-01-01", "--out", again] + pair.laptop)
        #expect(later.stdout.contains(" 0 results"), "\(later.stdout)")
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        let since = try ECVRunner.run(["export", "--since", String(today), "--out", again] + pair.laptop)
        #expect(since.stdout.contains(" 1 results"), "\(since.stdout)")
        let bad = try ECVRunner.run(["export", "--since", "2027-02-31", "--out", again] + pair.laptop)
        #expect(bad.status == 2)
    }
}
