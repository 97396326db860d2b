import ECVTestSupport
import Foundation
import Testing

/// A day in the field, scripted: plan, today's visits, an inspection with a critical power failure, the
/// readiness board, a re-check after the repair, and the history.
@Suite struct WalkThroughTests {
    @Test func fromPlanToRepairedVehicle() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let plan = try ECVRunner.run(["plan", "--iterations", "300", "--format", "json"] + root)
        #expect(plan.status == 0)
        #expect(plan.stderr.contains("plan version 1 stored"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let northeast = try #require(
            (document["routes"] as? [[String: Any]])?.first { $0["route"] as? String == "northeast" })
        let stop = try #require(
            (northeast["stops"] as? [[String: Any]])?.first { stop in
                (stop["visits"] as? [[String: Any]])?.contains { $0["vehicle"] as? String == "HLJ-FIRE-01" } == true
            })
        let visit = try #require(
            (stop["visits"] as? [[String: Any]])?.first { $0["vehicle"] as? String == "HLJ-FIRE-01" })
        let day = String((visit["start"] as? String ?? "").prefix(10))

        let today = try ECVRunner.run(["today", "--team", "team-ne", "--date", day] + root)
        #expect(today.status == 0)
        #expect(today.stdout.contains("HLJ-FIRE-01"))
        #expect(today.stdout.contains("contact: "))

        // The power checklist, with bad input on the way: a word for a measure, an empty note.
        let answers = ["f", "", "starter relay dead", "abc", "221", "50", "q"].joined(separator: "\n") + "\n"
        let inspect = try ECVRunner.run(
            ["inspect", "HLJ-FIRE-01", "--subsystem", "power", "--engineer", "Zhang Wei"] + root, input: answers)
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("a note is needed"))
        #expect(inspect.stdout.contains("`abc` is not a finite number"))
        #expect(inspect.stdout.contains("HLJ-FIRE-01: NOT DEPLOYABLE"))

        let board = try ECVRunner.run(["status", "--route", "northeast"] + root)
        let row = board.stdout.split(separator: "\n").first { $0.contains("HLJ-FIRE-01") }
        #expect(row?.hasPrefix("NOT DEPLOYABLE") == true)
        #expect(row?.contains("power.generator-start (critical)") == true)

        let recheck = try ECVRunner.run(
            ["inspect", "HLJ-FIRE-01", "--recheck", "--engineer", "Li Na"] + root, input: "p\n")
        #expect(recheck.stdout.contains("[1/1] power.generator-start"))
        #expect(!recheck.stdout.contains("NOT DEPLOYABLE"))
        let after = try ECVRunner.run(["status", "--route", "northeast", "--format", "csv"] + root)
        #expect(after.stdout.contains("HLJ-FIRE-01,hlj-fire,northeast,INCOMPLETE"))

        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.contains("full inspection"))
        #expect(history.stdout.contains("recheck inspection"))
        #expect(history.stdout.contains("Zhang Wei@"))
        #expect(history.stdout.contains("Li Na@"))
        #expect(history.stdout.contains("power.generator-start: fail — starter relay dead"))
        #expect(history.stdout.contains("power.generator-start: pass"))
    }
}
