import ECVCatalog
import ECVTestSupport
import Foundation
import Testing

/// `ecv record --file` and its notes, through the real binary: nothing typed is cut or dropped.
@Suite struct RecordFileTests {
    let folder: TemporaryFolder
    var root: [String] { ["--root", folder.url.path] }

    init() throws {
        folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
    }

    func record(csv: String) throws -> ECVRunner.Result {
        try folder.write(csv, to: "results.csv")
        return try ECVRunner.run(["record", "--file", folder.url.appendingPathComponent("results.csv").path] + root)
    }

    @Test func quotedCommasAndLineBreaksInANoteAreKept() throws {
        let run = try record(
            csv: """
                vehicle,item,value,note
                HLJ-FIRE-01,power.generator-start,fail, "starter relay dead, generator will not crank"
                HLJ-FIRE-01,power.grounding,1.1,"measured twice
                at the rear rod"

                """)
        #expect(run.status == 0, "\(run.stderr)")
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.contains("fail — starter relay dead, generator will not crank"))
        #expect(history.stdout.contains("measured twice\\u{a}at the rear rod"))
    }

    @Test func aRowWithMoreFieldsThanTheHeaderIsRefusedAtItsLineAndColumn() throws {
        let run = try record(
            csv:
                "vehicle,item,value,note\nHLJ-FIRE-01,power.grounding,1.1,ok\nHLJ-FIRE-01,power.insulation,5,ok,extra\n"
        )
        #expect(run.status == 1)
        #expect(run.stderr == "error: results.csv:3:5: 1 field more than the header names\n")
        #expect(try ECVRunner.run(["history", "HLJ-FIRE-01"] + root).stdout.hasPrefix("HLJ-FIRE-01: 0 inspections"))
    }

    @Test func aRowWithFewerFieldsThanTheHeaderIsRefusedAtItsLineAndColumn() throws {
        let run = try record(csv: "vehicle,item,value,note\nHLJ-FIRE-01,power.grounding\n")
        #expect(run.status == 1)
        #expect(run.stderr == "error: results.csv:2:3: the field `value` is missing\n")
    }

    @Test func aNoteForAnItemNotGivenIsRefused() throws {
        let run = try ECVRunner.run(
            ["record", "HLJ-FIRE-01", "power.grounding=1.1", "--note", "power.generator-start=relay dead"] + root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--note for `power.generator-start`, which is not given as ITEM=VALUE"))
        #expect(try ECVRunner.run(["history", "HLJ-FIRE-01"] + root).stdout.hasPrefix("HLJ-FIRE-01: 0 inspections"))
    }

    @Test func anItemGivenTwiceIsRefused() throws {
        let run = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1", "power.grounding=9"] + root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("argument 3: `power.grounding` is given twice (first at argument 2)"))
    }

    @Test func recordClosesTheInspectionItCompletes() throws {
        let catalog = CatalogLoader.load(root: folder.url).catalog
        let vehicle = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01")?.vehicle)
        let items = catalog.items(applyingTo: vehicle)
        let half = items.count / 2
        let pairs = items.map { "\($0.fullID)=\($0.passingAnswer)" }
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01"] + pairs.prefix(half) + root).status == 0)
        #expect(try ECVRunner.run(["history", "HLJ-FIRE-01"] + root).stdout.contains(", open"))
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01"] + pairs.dropFirst(half) + root).status == 0)
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root).stdout
        #expect(history.contains("1 inspection\n"))
        #expect(history.contains(", finished "))
    }
}
