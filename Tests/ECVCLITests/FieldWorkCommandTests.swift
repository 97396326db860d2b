import ECVCatalog
import ECVTestSupport
import Foundation
import GRDB
import Testing

/// `ecv record`, `status` and `history` as the real binary, including kills and concurrent writers.
@Suite struct FieldWorkCommandTests {
    static func sample() throws -> TemporaryFolder {
        try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
    }

    @Test func aCriticalFailureGroundsTheVehicleUntilItIsRepaired() throws {
        let folder = try Self.sample()
        let root = ["--root", folder.url.path]
        let failed = try ECVRunner.run(
            [
                "record", "HLJ-FIRE-01", "power.generator-start=fail", "--note",
                "power.generator-start=starter relay dead",
            ] + root)
        #expect(failed.status == 0)
        #expect(failed.stdout == "recorded 1 result for HLJ-FIRE-01\n")
        let board = try ECVRunner.run(["status", "--format", "json"] + root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "ecv-status/1")
        let first = try #require((document["vehicles"] as? [[String: Any]])?.first)
        #expect(first["vehicle"] as? String == "HLJ-FIRE-01")
        #expect(first["verdict"] as? String == "NOT_DEPLOYABLE")
        #expect(
            (first["failed"] as? [[String: String]]) == [["item": "power.generator-start", "severity": "critical"]])

        _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.generator-start=pass"] + root)
        let table = try ECVRunner.run(["status", "--route", "northeast"] + root)
        #expect(!table.stdout.contains("NOT DEPLOYABLE  HLJ-FIRE-01"))
        #expect(!table.stdout.contains("\u{1B}["), "no colour when piped")
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.contains("power.generator-start: fail — starter relay dead"))
        #expect(history.stdout.contains("power.generator-start: fail → pass"))
    }

    @Test func everyBadEntryIsReportedAndNothingIsWritten() throws {
        let folder = try Self.sample()
        let root = ["--root", folder.url.path]
        let result = try ECVRunner.run(
            ["record", "HLJ-FIRE-01", "power.grounding=1.1", "power.groundin=1", "power.generator-voltage=high"] + root)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                error: nothing recorded; 2 bad entries:
                argument 3: unknown item `power.groundin` for this vehicle; did you mean `power.grounding`?
                argument 4: power.generator-voltage: `high` is not a finite number

                """)
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.hasPrefix("HLJ-FIRE-01: 0 inspections\n"))
    }

    @Test func aFileOfResultsIsRecordedAllOrNothing() throws {
        let folder = try Self.sample()
        let root = ["--root", folder.url.path]
        try folder.write(
            "vehicle,item,value,note\nHLJ-FIRE-01,power.grounding,1.1,\nJL-FIRE-01,power.grounding,9,\"too high, re-test\"\n",
            to: "results.csv")
        let result = try ECVRunner.run(
            ["record", "--file", folder.url.appendingPathComponent("results.csv").path] + root)
        #expect(result.status == 0)
        #expect(result.stdout == "recorded 1 result for HLJ-FIRE-01\nrecorded 1 result for JL-FIRE-01\n")
        try folder.write(
            "- {vehicle: HLJ-FIRE-01, item: power.grounding, value: 1.0}\n- {vehicle: HLJ-FIRE-01, item: power.nope, value: x}\n",
            to: "more.yaml")
        let bad = try ECVRunner.run(["record", "--file", folder.url.appendingPathComponent("more.yaml").path] + root)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("more.yaml:2: unknown item `power.nope` for this vehicle"))
    }

    @Test func twoProcessesRecordingAtOnceBothSucceed() throws {
        let folder = try Self.sample()
        let vehicles = ["HLJ-FIRE-01", "JL-FIRE-01"]
        let catalog = CatalogLoader.load(root: folder.url).catalog
        // Every item of each vehicle, once: an item may be given only once per command.
        let answers = try vehicles.map { vehicle in
            let placement = try #require(catalog.placement(ofVehicle: vehicle))
            return catalog.items(applyingTo: placement.vehicle).map { "\($0.fullID)=\($0.passingAnswer)" }
        }
        // Each round on a new database: both processes also create its schema at the same moment.
        for round in 0..<4 {
            let root = [
                "--root", folder.url.path, "--db", folder.url.appendingPathComponent("round-\(round).sqlite").path,
            ]
            let runs = try zip(vehicles, answers).map { vehicle, pairs in
                try ECVRunner.start(["record", vehicle] + pairs + root)
            }.map { try $0.wait() }
            #expect(runs.map(\.status) == [0, 0], "round \(round): \(runs.map(\.stderr))")
            for (vehicle, pairs) in zip(vehicles, answers) {
                let history = try ECVRunner.run(["history", vehicle] + root)
                #expect(history.stdout.components(separatedBy: "  result ").count - 1 == pairs.count)
            }
        }
    }

    @Test func killedWritersNeverLoseAnAcknowledgedAnswer() throws {
        let folder = try Self.sample()
        let root = ["--root", folder.url.path]
        var random = SeededGenerator(seed: 42)
        // Kills spread over twice the time a whole run takes on this machine, however fast or loaded it is.
        var durations: [TimeInterval] = []
        for _ in 0..<3 {
            let started = Date()
            #expect(
                try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=99", "power.insulation=99"] + root).status
                    == 0)
            durations.append(Date().timeIntervalSince(started))
        }
        let span = max(0.01, durations.sorted()[1] * 2)
        var acknowledged: [String] = []
        for round in 0..<60 {
            // Whole numbers, so that the trail prints them exactly as typed.
            let value = String(100 + round)
            let run = try ECVRunner.start(
                ["record", "HLJ-FIRE-01", "power.grounding=\(value)", "power.insulation=\(value)"] + root)
            if round % 3 == 0 {
                // Killed just after it said "recorded": what it acknowledged must be there, on any machine.
                _ = run.line(containing: "recorded", within: 30)
            } else {
                usleep(UInt32(Double.random(in: 0...span, using: &random) * 1_000_000))
            }
            run.kill()
            let result = try run.wait()
            if result.stdout.contains("recorded 2 results") { acknowledged.append(value) }
        }
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n")
        for value in acknowledged {
            // A result's line ends with its new state, after "old →" for a correction.
            #expect(
                lines.contains { $0.contains("power.insulation:") && $0.hasSuffix("pass (\(value))") }, "\(value) lost")
            #expect(
                lines.contains { $0.contains("power.grounding:") && $0.hasSuffix("fail (\(value))") }, "\(value) lost")
        }
        // Both results of a call are there or neither: the two items always come in pairs.
        let groundings = history.stdout.components(separatedBy: "power.grounding:").count - 1
        let insulations = history.stdout.components(separatedBy: "power.insulation:").count - 1
        #expect(groundings == insulations)
        #expect(groundings >= acknowledged.count)
        // Every third writer was killed only once it had acknowledged, whatever the machine's speed: those at least
        // were checked above; the others were killed anywhere in a run, before, during or after their write.
        #expect(acknowledged.count >= 20, "\(acknowledged.count) of 60 acknowledged")
        let database = try DatabaseQueue(path: folder.url.appendingPathComponent("ecv.sqlite").path)
        #expect(try database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
