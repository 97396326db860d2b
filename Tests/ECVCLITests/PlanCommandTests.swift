import ECVTestSupport
import Foundation
import Testing

/// `ecv plan` and `ecv solve` as the real binary.
@Suite struct PlanCommandTests {
    @Test func planPrintsEveryRouteDayByDay() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let result = try ECVRunner.run(["plan", "--root", folder.url.path, "--iterations", "300"])
        #expect(result.status == 0)
        for route in ["northeast", "north-china", "northwest", "southwest", "central-south"] {
            #expect(result.stdout.contains("\(route) ("))
        }
        #expect(result.stdout.contains("inspect HLJ-FIRE-01"))
        #expect(result.stdout.contains("74 vehicles scheduled, 0 unscheduled"))
    }

    @Test func planWritesJSONAndCalendarsToFiles() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let json = folder.url.appendingPathComponent("plan.json").path
        let write = try ECVRunner.run(
            [
                "plan", "--root", folder.url.path, "--iterations", "200", "--route", "northwest", "--format", "json",
                "--out", json,
            ])
        #expect(write.status == 0)
        #expect(
            write.stdout == "\nplan version 1 stored as a draft; teams follow it once you run `ecv plan publish 1`\n")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        #expect(document["format"] as? String == "ecv-plan/1")
        let routes = try #require(document["routes"] as? [[String: Any]])
        #expect(routes.map { $0["route"] as? String } == ["northwest"])
        #expect((routes[0]["depart"] as? String)?.hasSuffix("+08:00") == true)

        let calendars = folder.url.appendingPathComponent("calendars").path
        let ics = try ECVRunner.run([
            "plan", "--root", folder.url.path, "--iterations", "200", "--format", "ics", "--out", calendars,
        ])
        #expect(ics.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: calendars).sorted()
        #expect(files == ["team-nc.ics", "team-ne.ics", "team-nw.ics", "team-sw.ics"])
        let text = try String(contentsOfFile: calendars + "/team-ne.ics", encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 20)
    }

    @Test func planRefusesAnUnknownRouteWithASuggestion() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let result = try ECVRunner.run(["plan", "--root", folder.url.path, "--route", "northeest"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: unknown route `northeest`; did you mean `northeast`?\n")
    }

    @Test func aBadDistanceFileIsReportedLineByLine() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        try folder.write("from,to,km,minutes\nbase,dl-fire-1,12,30\nbase,dl-fire-9,x,1\n", to: "Routes/distances.csv")
        let result = try ECVRunner.run(["plan", "--root", folder.url.path])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                error: distances.csv:3:2: unknown place `dl-fire-9`; did you mean `dl-fire-1`?
                distances.csv:3:3: km must be a number ≥ 0, found `x`

                """)
    }

    @Test func solveWritesTheSolveContract() throws {
        let file = ProjectPaths.solomonInstances.appendingPathComponent("C101.txt").path
        let result = try ECVRunner.run(["solve", file, "--iterations", "200", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "ecv-solve/1")
        #expect(document["instance"] as? String == "C101")
        let routes = try #require(document["routes"] as? [[Int]])
        #expect(routes.flatMap { $0 }.sorted() == Array(1...100))
        #expect(document["vehicles"] as? Int == routes.count)
    }

    @Test func solveReportsABadFileWithItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("C999\n\nVEHICLE\nNUMBER CAPACITY\n 25 200\n\nCUSTOMER\n 0 40 50 0 0 1236\n", to: "bad.txt")
        let result = try ECVRunner.run(["solve", folder.url.appendingPathComponent("bad.txt").path])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("bad.txt:8: expected 7 numbers of a customer row, found `0 40 50 0 0 1236`\n"))
    }
}
