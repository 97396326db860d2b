import ECVTestSupport
import Foundation
import Testing

/// `ecv replan` as the real binary, against Routes/ changed after publishing.
@Suite struct ReplanCommandTests {
    static func published() throws -> (TemporaryFolder, [String]) {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["plan", "--iterations", "300"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        return (folder, root)
    }

    @Test func aSiteClosedAfterPublishingIsNoLongerWhereTheTeamGoesThatDay() throws {
        let (folder, root) = try Self.published()
        let before = try ECVRunner.run(
            ["today", "--team", "team-nc", "--date", "2027-03-08", "--format", "json"] + root)
        try #require(before.stdout.contains("\"site\" : \"bj-fire-1\""))
        try folder.replace(
            "unavailable: [2027-03-04, 2027-03-05]", with: "unavailable: [2027-03-04, 2027-03-05, 2027-03-08]",
            in: "Routes/north-china.yaml")
        let replan = try ECVRunner.run(["replan", "--from", "2027-03-01", "--iterations", "300"] + root)
        #expect(replan.status == 0, "\(replan.stderr)")
        let moved = replan.stdout.split(separator: "\n").filter { $0.hasPrefix("BJ-FIRE-0") }
        #expect(moved.count == 2)
        #expect(moved.allSatisfy { $0.contains("moved") && $0.hasSuffix("bj-fire-1 closed on 2027-03-08") })
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let after = try ECVRunner.run(
            ["today", "--team", "team-nc", "--date", "2027-03-08", "--format", "json"] + root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        let entries = (document["teams"] as? [[String: Any]] ?? []).flatMap { $0["entries"] as? [[String: Any]] ?? [] }
        #expect(!entries.contains { $0["kind"] as? String == "visit" && $0["site"] as? String == "bj-fire-1" })
    }

    @Test func repairDatesNameTheirVehicleAndTheirFileLine() throws {
        let (folder, root) = try Self.published()
        let unknown = try ECVRunner.run(["replan", "--from", "2027-03-01", "--ready", "HLJ-FIRE-1=2027-03-09"] + root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: unknown vehicle `HLJ-FIRE-1`; did you mean `HLJ-FIRE-01`?\n")
        try folder.write("HLJ-FIRE-01: 2027-04-20\nSN-FIRE-01: soon\n", to: "repairs.yaml")
        let file = folder.url.appendingPathComponent("repairs.yaml").path
        let bad = try ECVRunner.run(["replan", "--from", "2027-03-01", "--ready", file] + root)
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: repairs.yaml:2:13: `SN-FIRE-01` must be a date YYYY-MM-DD, found `soon`\n")
        let day = try ECVRunner.run(["replan", "--from", "2027-03-01", "--freeze-until", "next week"] + root)
        #expect(day.status == 2)
        #expect(day.stderr.contains("--freeze-until must be YYYY-MM-DD, found `next week`"))
    }
}
