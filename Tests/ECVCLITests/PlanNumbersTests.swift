import ECVTestSupport
import Foundation
import Testing

/// The same stored plan gives the same numbers in every output: km, vehicles, reasons.
@Suite struct PlanNumbersTests {
    /// The `plan: … km, …` line of a plan table.
    static func totalsLine(_ table: String) -> String? {
        table.split(separator: "\n").first { $0.hasPrefix("plan: ") }.map(String.init)
    }

    @Test func theTableTheStoredPlanAndItsCSVAgreeOnEveryKm() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let made = try ECVRunner.run(["plan", "--iterations", "300"] + root)
        #expect(made.status == 0)
        let shown = try ECVRunner.run(["plan", "show", "latest"] + root)
        let line = try #require(Self.totalsLine(made.stdout))
        #expect(Self.totalsLine(shown.stdout) == line)

        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try ECVRunner.run(["plan", "show", "latest", "--format", "json"] + root).stdout.utf8))
                as? [String: Any])
        let totalKm = try #require((json["totals"] as? [String: Any])?["km"] as? Double)
        #expect(line.contains(String(format: "%.1f km", totalKm)), "\(line) vs \(totalKm)")

        // The CSV holds every leg, the drive home too: its km add up to the plan's.
        let csv = try ECVRunner.run(["plan", "show", "latest", "--format", "csv"] + root).stdout
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(rows.first?.firstIndex(of: "leg_km_before"))
        let sum = rows.dropFirst().compactMap { Double($0[column]) }.reduce(0, +)
        #expect(abs(sum - totalKm) < 0.05, "CSV \(sum) km, plan \(totalKm) km")
        let routes = try #require(json["routes"] as? [[String: Any]])
        #expect(
            rows.filter { $0.last == "return" }.count
                == routes.filter { !(($0["stops"] as? [Any]) ?? []).isEmpty }.count)
    }

    @Test func aReplansDiffGivesTheSameReasonsAsTableAndAsJSON() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["plan", "--iterations", "300"] + root).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        // Nothing was recorded: every visit before the re-plan's first day was missed and moves, with its reason.
        let replan = try ECVRunner.run(["replan", "--from", "2027-03-20", "--iterations", "300"] + root)
        #expect(replan.status == 0, "\(replan.stderr)")
        let table = try ECVRunner.run(["plan", "diff"] + root)
        let json = try ECVRunner.run(["plan", "diff", "--format", "json"] + root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        for change in changes {
            let vehicle = try #require(change["vehicle"] as? String)
            let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix(vehicle + " ") })
            if let reason = change["reason"] as? String {
                #expect(row.contains(reason.prefix(40)), "\(vehicle): table lacks `\(reason)`")
            }
        }
        // The diff the re-plan printed when it was made gives the same reasons.
        let reasons = changes.compactMap { $0["reason"] as? String }
        #expect(!reasons.isEmpty)
        for reason in reasons { #expect(replan.stdout.contains(reason.prefix(40)), "\(reason)") }
    }
}

/// `--threads 1` with a seed and an iteration count gives the same plan twice, on any machine.
@Suite struct PlanThreadsTests {
    @Test func aPlanMadeWithOneThreadTwiceIsTheSame() throws {
        var plans: [String] = []
        for _ in 0..<2 {
            let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            let plan = try ECVRunner.run(
                [
                    "plan", "--threads", "1", "--iterations", "400", "--seed", "9", "--format", "csv", "--root",
                    folder.url.path,
                ])
            #expect(plan.status == 0, "\(plan.stderr)")
            plans.append(plan.stdout)
        }
        #expect(plans[0] == plans[1])
        #expect(plans[0].split(separator: "\n").count > 10)
    }

    @Test func threadsOutOfRangeAreRefused() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let plan = try ECVRunner.run(["plan", "--threads", "0", "--root", folder.url.path])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("--threads must be between 1 and 256"))
    }
}
