import ECVTestSupport
import Foundation
import Testing

/// `ecv validate`, `fleet` and `checklist` run as the real binary on copies of the sample data.
@Suite struct CLITests {
    static func sample() throws -> TemporaryFolder {
        try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
    }

    @Test func validateSummarisesTheSampleDataAndExitsZero() throws {
        let folder = try Self.sample()
        let result = try ECVRunner.run(["validate", "--root", folder.url.path])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("error:"))
        let summary = try #require(result.stdout.split(separator: "\n").first)
        #expect(summary.hasPrefix("13 files, 5 checklists, "))
        #expect(summary.contains(" 4 teams, 5 routes, "))
        #expect(result.stdout.contains("ok, "))
    }

    @Test func validateListsEveryErrorWithItsLocationAndExitsOne() throws {
        let folder = try Self.sample()
        try folder.replace("work-hours:", with: "work-hour:", in: "Routes/northeast.yaml")
        try folder.replace("severity:", with: "severity: [", in: "Checklists/power.yaml")
        let result = try ECVRunner.run(["validate", "--root", folder.url.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Checklists/power.yaml:") && $0.contains(": error: YAML syntax: ") })
        #expect(lines.contains { $0.hasPrefix("Routes/northeast.yaml:") && $0.hasSuffix("did you mean `work-hours`?") })
        #expect(
            lines.allSatisfy {
                $0.range(of: #"^[A-Za-z/._-]+:\d+:\d+: (error|warning): "#, options: .regularExpression) != nil
            })
        #expect(
            lines
                == lines.sorted {
                    $0.split(separator: ":").prefix(1) == $1.split(separator: ":").prefix(1) ? false : $0 < $1
                })
    }

    @Test func warningsAloneExitZero() throws {
        let folder = try Self.sample()
        // team-nw has no ka-band skill: a ka-band vehicle on its line is a warning, not an error.
        let route = try folder.read("Routes/northwest.yaml")
        let edited = try #require(route.range(of: "equipment: ["))
        try folder.write(
            route.replacingCharacters(in: edited, with: "equipment: [ka-band, "), to: "Routes/northwest.yaml")
        let result = try ECVRunner.run(["validate", "--root", folder.url.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: vehicle `"))
        #expect(result.stderr.contains("needs skill `ka-band`, which team `team-nw` of route `northwest` lacks"))
        #expect(result.stdout.contains("ok, 1 warning"))
    }

    @Test func aMissingRootIsOneErrorPerFolder() throws {
        let folder = try TemporaryFolder()
        let result = try ECVRunner.run(["validate", "--root", folder.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Checklists:1:1: error: folder not found under "))
        #expect(result.stderr.contains("Routes:1:1: error: folder not found under "))
    }

    @Test func checklistOfAnUnknownVehicleSuggestsTheClosestId() throws {
        let folder = try Self.sample()
        let fleet = try ECVRunner.run(["fleet", "--format", "json", "--root", folder.url.path])
        let document = try JSONSerialization.jsonObject(with: Data(fleet.stdout.utf8)) as? [String: Any]
        let vehicles = try #require(document?["vehicles"] as? [[String: Any]])
        let id = try #require(vehicles.first?["vehicle"] as? String)
        let typo = String(id.dropLast()) + "9"
        let result = try ECVRunner.run(["checklist", typo, "--root", folder.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: unknown vehicle `\(typo)`"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try ECVRunner.run(["fleet", "--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
    }

    @Test func commandsRefuseABrokenCatalog() throws {
        let folder = try Self.sample()
        try folder.replace("team:", with: "teem:", in: "Routes/northeast.yaml")
        let result = try ECVRunner.run(["fleet", "--root", folder.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Routes/northeast.yaml:"))
        #expect(result.stderr.contains("error: Checklists/ and Routes/ have "))
        #expect(result.stdout.isEmpty)
    }
}
