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

    /// The day of the published plan's first visit at `site`, and the vehicles visited there then.
    static func firstVisit(at site: String, root: [String]) throws -> (day: String, vehicles: [String]) {
        let shown = try ECVRunner.run(["plan", "show", "published", "--format", "json"] + root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let stops = (document["routes"] as? [[String: Any]] ?? []).flatMap { $0["stops"] as? [[String: Any]] ?? [] }
        let visits = try #require(stops.first { $0["site"] as? String == site }?["visits"] as? [[String: Any]])
        let day = String((visits.first?["start"] as? String ?? "").prefix(10))
        let vehicles = visits.filter { ($0["start"] as? String ?? "").hasPrefix(day) }.compactMap {
            $0["vehicle"] as? String
        }
        return (day, vehicles)
    }

    @Test func aSiteClosedAfterPublishingIsNoLongerWhereTheTeamGoesThatDay() throws {
        let (folder, root) = try Self.published()
        let (day, vehicles) = try Self.firstVisit(at: "bj-fire-1", root: root)
        try folder.replace(
            "unavailable: [2027-03-04, 2027-03-05]", with: "unavailable: [2027-03-04, 2027-03-05, \(day)]",
            in: "Routes/north-china.yaml")
        let replan = try ECVRunner.run(["replan", "--from", "2027-03-01", "--iterations", "300"] + root)
        #expect(replan.status == 0, "\(replan.stderr)")
        let moved = replan.stdout.split(separator: "\n").filter { line in vehicles.contains { line.hasPrefix($0 + " ") }
        }
        #expect(moved.count == vehicles.count)
        #expect(moved.allSatisfy { $0.contains("moved") && $0.hasSuffix("bj-fire-1 closed on \(day)") })
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let after = try ECVRunner.run(["today", "--team", "team-nc", "--date", day, "--format", "json"] + root)
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
