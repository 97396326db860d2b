import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import GRDB
import Testing

/// The life of a plan with the real binary: drafts, publishing, listing, showing, comparing, calendars.
@Suite struct PlanLifecycleTests {
    static let reader = ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVCLITests/Calendar/read_calendars.py")

    /// Removes the Weinan site and its one vehicle, SN-FIRE-03, from the northwest line.
    static func removeWeinan(_ folder: TemporaryFolder) throws {
        let text = try folder.read("Routes/northwest.yaml")
        let start = try #require(text.range(of: "  - id: wn-fire-1"))
        let end = try #require(text.range(of: "  - id: tc-fire-1"))
        try folder.write(
            text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""), to: "Routes/northwest.yaml")
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aPlanRunMakesADraftThatTeamsFollowOnlyOncePublished() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path, "--iterations", "300"]
        let first = try ECVRunner.run(["plan"] + root)
        #expect(
            first.stdout.hasSuffix(
                "plan version 1 stored as a draft; teams follow it once you run `ecv plan publish 1`\n"))
        #expect(try ECVRunner.run(["today", "--date", "2027-03-02"] + root.prefix(2)).status == 1)
        #expect(try ECVRunner.run(["plan", "publish"] + root.prefix(2)).status == 0)
        let today = try ECVRunner.run(["today", "--date", "2027-03-02", "--format", "json"] + root.prefix(2))
        // Calendars of a second plan leave the published one as it was.
        #expect(try ECVRunner.run(["plan", "--format", "ics", "--seed", "2"] + root).status == 0)
        #expect(
            try ECVRunner.run(["today", "--date", "2027-03-02", "--format", "json"] + root.prefix(2)).stdout
                == today.stdout)
        #expect(try Self.json(today.stdout)["plan"] as? Int == 1)

        let list = try Self.json(try ECVRunner.run(["plan", "list", "--format", "json"] + root.prefix(2)).stdout)
        let plans = try #require(list["plans"] as? [[String: Any]])
        #expect(plans.map { $0["state"] as? String } == ["published", "draft"])
        #expect(plans.map { $0["kind"] as? String } == ["plan", "plan"])
        #expect(plans.allSatisfy { $0["vehicles"] as? Int == 74 })
        let published = try #require(plans.first?["km"] as? Double)
        let shown = try ECVRunner.run(["plan", "show", "--format", "json"] + root.prefix(2))
        let totals = try #require(try Self.json(shown.stdout)["totals"] as? [String: Any])
        #expect(totals["km"] as? Double == published)
    }

    @Test func everyStoredVersionShownAgainPassesThePlanCheckAndTheDiffNamesWhatWasDropped() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["plan", "--iterations", "300"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish", "1"] + root).status == 0)
        let before = CatalogLoader.load(root: folder.url).catalog
        try Self.removeWeinan(folder)
        let second = try ECVRunner.run(["plan", "--iterations", "300", "--format", "json"] + root)
        #expect(second.stderr.contains("Version 2 against the published plan (version 1): "))
        let dropped = second.stderr.split(separator: "\n").first { $0.hasPrefix("SN-FIRE-03 ") }
        #expect(dropped?.contains("dropped") == true)
        let after = CatalogLoader.load(root: folder.url).catalog
        for (version, catalog) in [(1, before), (2, after)] {
            let shown = try ECVRunner.run(["plan", "show", "\(version)", "--format", "json"] + root)
            var checker = PlanChecker(catalog: catalog)
            #expect(checker.check(json: shown.stdout) == [], "version \(version)")
        }
        let diff = try Self.json(try ECVRunner.run(["plan", "diff", "--format", "json"] + root).stdout)
        #expect(diff["format"] as? String == "ecv-plan-diff/1")
        #expect(diff["from"] as? Int == 1 && diff["to"] as? Int == 2)
        let changes = try #require(diff["changes"] as? [[String: Any]])
        let removed = try #require(changes.first { $0["vehicle"] as? String == "SN-FIRE-03" })
        #expect(removed["kind"] as? String == "dropped")
        #expect(removed["reason"] as? String == "vehicle removed from Routes/")
        let lines = try #require(diff["lines"] as? [[String: Any]])
        let northwest = try #require(lines.first { $0["route"] as? String == "northwest" })
        #expect((northwest["vehicles"] as? [String: Double]) == ["before": 12, "after": 11])
    }

    @Test(.needs(.icalendar)) func aRepublishedCalendarCancelsTheDroppedVisitAndParsesAsICalendar() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["plan", "--iterations", "300"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        try Self.removeWeinan(folder)
        #expect(try ECVRunner.run(["plan", "--iterations", "300"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let out = folder.url.appendingPathComponent("calendars").path
        let written = try ECVRunner.run(["plan", "show", "published", "--format", "ics", "--out", out] + root)
        #expect(written.status == 0)
        let files = written.stdout.split(separator: "\n").map(String.init)
        #expect(files.count == 4)

        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        reader.arguments = [Self.reader.path] + files
        let output = Pipe()
        reader.standardOutput = output
        try reader.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(reader.terminationStatus == 0)
        let events = try printed.split(separator: "\n").map { try Self.json(String($0)) }
        let uids = events.compactMap { $0["uid"] as? String }
        #expect(uids.count == 74)
        #expect(Set(uids).count == uids.count)
        let cancelled = events.filter { $0["status"] as? String == "CANCELLED" }
        #expect(cancelled.map { $0["uid"] as? String } == ["northwest-SN-FIRE-03-inspection@ecv"])
        #expect(cancelled.first?["sequence"] as? Int == 1)
        #expect(events.filter { $0["status"] as? String == "CONFIRMED" }.count == 73)
    }

    @Test func filesThatDifferFromThoseThePublishedPlanWasMadeFromAreNamed() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["plan", "--iterations", "300"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let same = try ECVRunner.run(["today", "--date", "2027-03-02"] + root)
        #expect(same.status == 0 && same.stderr.isEmpty)
        try folder.replace(
            "holidays: [2027-04-05]", with: "holidays: [2027-04-05, 2027-04-06]", in: "Routes/northwest.yaml")
        let changed = try ECVRunner.run(["today", "--date", "2027-03-02"] + root)
        #expect(changed.status == 0)
        #expect(
            changed.stderr == "warning: Routes/ and Checklists/ here differ from those plan version 1 was made from: "
                + "Routes/northwest.yaml (changed); the plan may send the team where these files do not\n")
        let inspect = try ECVRunner.run(["inspect", "HLJ-FIRE-01", "--engineer", "Li Na"] + root, input: "q\n")
        #expect(inspect.stderr.contains("Routes/northwest.yaml (changed)"))
    }

    @Test func aPublishedPlanThatCannotBeReadIsSaidNotTakenForNone() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["plan", "--iterations", "200"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        // A published plan damaged on disk, as a bad copy or a faulty tool could leave it.
        let database = try DatabaseQueue(path: folder.url.appendingPathComponent("ecv.sqlite").path)
        try database.write { db in
            try db.execute(sql: "UPDATE plan SET json = '{\"format\":\"ecv-plan/1\"' WHERE state = 'published'")
        }
        try database.close()
        let show = try ECVRunner.run(["plan", "show"] + root)
        #expect(show.status == 1)
        #expect(show.stderr.contains("plan version 1"), "\(show.stderr)")
        // A report names the plan it follows and counts the season from it: without it, it is not written.
        let report = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--format", "html"] + root)
        #expect(report.status == 1)
        #expect(
            report.stderr.split(separator: "\n").count == 1
                && report.stderr.contains("plan version 1 in the database cannot be read"), "\(report.stderr)")
        let record = try ECVRunner.run(
            ["record", "HLJ-FIRE-01", "power.generator-start=pass"] + root)
        #expect(record.status == 1, "the season of an answer follows from the published plan")
        let again = try ECVRunner.run(["plan", "--iterations", "200"] + root)
        #expect(again.status == 1, "a draft compared with nothing would say nothing changed")
        // Nothing was stored: the dispatcher is told, and the database holds the one plan it held.
        let reread = try DatabaseQueue(path: folder.url.appendingPathComponent("ecv.sqlite").path)
        #expect(try reread.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM plan") } == 1)
        try reread.close()
    }
}
