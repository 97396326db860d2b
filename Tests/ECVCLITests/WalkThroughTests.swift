import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// A tour in the field, scripted: plan, today's visits, an inspection with a critical power failure, the
/// readiness board, a re-check after the repair, the history, and a re-plan from the next day.
@Suite struct WalkThroughTests {
    @Test func fromPlanToRepairedVehicleAndReplan() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let plan = try ECVRunner.run(["plan", "--iterations", "300", "--format", "json"] + root)
        #expect(plan.status == 0)
        #expect(plan.stderr.contains("plan version 1 stored as a draft"))
        let unpublished = try ECVRunner.run(["today", "--team", "team-ne"] + root)
        #expect(unpublished.status == 1)
        #expect(unpublished.stderr.contains("no plan is published yet"))
        #expect(try ECVRunner.run(["plan", "publish"] + root).stdout.contains("plan version 1 published"))
        let visits = try Self.visits(inPlan: plan.stdout, route: "northeast")
        let visit = try #require(visits.first { $0.vehicle == "HLJ-FIRE-01" })
        let day = String(visit.start.prefix(10))

        let today = try ECVRunner.run(["today", "--team", "team-ne", "--date", day] + root)
        #expect(today.status == 0)
        #expect(today.stdout.contains("HLJ-FIRE-01"))
        #expect(today.stdout.contains("contact: "))

        // Every subsystem but power from a spreadsheet, all passing.
        let catalog = CatalogLoader.load(root: folder.url).catalog
        let vehicle = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01")).vehicle
        let rows = catalog.items(applyingTo: vehicle).filter { $0.subsystem != .power }.map {
            "HLJ-FIRE-01,\($0.fullID),\($0.passingAnswer)"
        }
        let sheet = folder.url.appendingPathComponent("results.csv")
        try (["vehicle,item,value"] + rows).joined(separator: "\n").write(to: sheet, atomically: true, encoding: .utf8)
        let batch = try ECVRunner.run(["record", "--file", sheet.path] + root)
        #expect(batch.status == 0, "\(batch.stderr)")

        // The power checklist, with bad input on the way: a word for a measure, an empty note.
        let power = catalog.items(applyingTo: vehicle).filter { $0.subsystem == .power }
        #expect(power.first?.fullID == "power.generator-start")
        let answers = ["f", "", "starter relay dead", "abc"] + power.dropFirst().map(\.passingAnswer)
        let inspect = try ECVRunner.run(
            ["inspect", "HLJ-FIRE-01", "--subsystem", "power", "--engineer", "Zhang Wei"] + root,
            input: answers.joined(separator: "\n") + "\n")
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
        #expect(recheck.stdout.contains("HLJ-FIRE-01: DEPLOYABLE"))
        let after = try ECVRunner.run(["status", "--route", "northeast", "--format", "csv"] + root)
        #expect(after.stdout.contains("HLJ-FIRE-01,hlj-fire,northeast,DEPLOYABLE"))

        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.contains("full inspection"))
        #expect(history.stdout.contains("recheck inspection"))
        #expect(history.stdout.contains("Zhang Wei@"))
        #expect(history.stdout.contains("Li Na@"))
        #expect(history.stdout.contains("power.generator-start: fail — starter relay dead"))
        #expect(history.stdout.contains("power.generator-start: pass"))

        // The next day: the visits that took place stay where they were, one that did not is planned
        // again, and HLJ-FIRE-01 is not visited again.
        let next = try #require(CalendarDay(iso: day)).adding(days: 1).description
        let before = visits.filter { $0.start < next }
        let missed = try #require(
            before.first { catalog.placement(ofVehicle: $0.vehicle)?.site.appointment == nil }?.vehicle)
        let done = before.map(\.vehicle).filter { $0 != missed && $0 != "HLJ-FIRE-01" }
        let doneRows = try done.flatMap { id in
            let vehicle = try #require(catalog.placement(ofVehicle: id)).vehicle
            return catalog.items(applyingTo: vehicle).map { "\(id),\($0.fullID),\($0.passingAnswer)" }
        }
        try (["vehicle,item,value"] + doneRows).joined(separator: "\n").write(
            to: sheet, atomically: true, encoding: .utf8)
        #expect(try ECVRunner.run(["record", "--file", sheet.path] + root).status == 0)
        let replan = try ECVRunner.run(
            ["replan", "--from", next, "--iterations", "300", "--format", "json"] + root)
        #expect(replan.status == 0, "\(replan.stderr)")
        #expect(replan.stderr.contains("Version 2 against the published plan (version 1): "))
        #expect(replan.stderr.contains("plan version 2 stored as a draft"))
        let missedLine = replan.stderr.split(separator: "\n").first { $0.hasPrefix(missed + " ") }
        #expect(missedLine?.contains("moved") == true)
        #expect(
            missedLine?.contains("not inspected on \(visits.first { $0.vehicle == missed }?.start.prefix(10) ?? "")")
                == true)
        let replanned = try Self.visits(inPlan: replan.stdout, route: "northeast")
        for visit in before where visit.vehicle != missed {
            #expect(replanned.filter { $0.vehicle == visit.vehicle } == [visit])
        }
        // The missed visit stays in the past as published; the vehicle is planned again from the re-plan on.
        let missedVisits = replanned.filter { $0.vehicle == missed }
        #expect(missedVisits.filter { $0.start < next } == before.filter { $0.vehicle == missed })
        #expect(missedVisits.filter { $0.start >= next }.count == 1)
        #expect(replanned.filter { !before.map(\.vehicle).contains($0.vehicle) }.allSatisfy { $0.start >= next })
        #expect(try ECVRunner.run(["plan", "publish"] + root).stdout.contains("version 1 superseded"))
        let stored = try ECVRunner.run(["today", "--team", "team-ne", "--date", day] + root)
        #expect(stored.stdout.contains("HLJ-FIRE-01"))
        #expect(stored.stdout.contains("plan version 2"))
    }

    struct Visit: Equatable {
        var vehicle: String
        var start: String
    }

    /// The visits of one route of an `ecv-plan/1` document, in order.
    static func visits(inPlan json: String, route: String) throws -> [Visit] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let routes = try #require(document["routes"] as? [[String: Any]])
        let stops = try #require(routes.first { $0["route"] as? String == route }?["stops"] as? [[String: Any]])
        return stops.flatMap { ($0["visits"] as? [[String: Any]]) ?? [] }.map {
            Visit(vehicle: $0["vehicle"] as? String ?? "", start: $0["start"] as? String ?? "")
        }
    }
}
