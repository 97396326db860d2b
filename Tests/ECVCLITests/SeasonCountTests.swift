import ECVSync
import ECVTestSupport
import Foundation
import Testing

/// The office's numbers add up: after a week of the sample tour, the tour summary (page and CSV), the client
/// summaries and `ecv status` count the same vehicles per line, client and verdict.
@Suite struct SeasonCountTests {
    struct Status: Decodable {
        struct Vehicle: Decodable {
            var vehicle: String
            var verdict: String
        }
        var vehicles: [Vehicle]
    }

    static func status(_ root: [String], _ filter: [String]) throws -> [String: Int] {
        let run = try ECVRunner.run(["status", "--format", "json"] + filter + root)
        #expect(run.status == 0, "\(run.stderr)")
        let vehicles = try JSONDecoder().decode(Status.self, from: Data(run.stdout.utf8)).vehicles
        return vehicles.reduce(into: ["ALL": vehicles.count]) { $0[$1.verdict, default: 0] += 1 }
    }

    static func written(_ run: ECVRunner.Result) throws -> String {
        #expect(run.status == 0, "\(run.stderr)")
        return try String(contentsOfFile: run.stdout.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
    }

    @Test func theTourPageItsCSVTheClientSummariesAndStatusGiveTheSameCounts() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let season = try SampleSeason(in: folder, root: folder.url)
        let root = ["--root", folder.url.path]
        let out = ["--out", folder.url.appendingPathComponent("out").path, "--lang", "en"]
        let csv = try Self.written(try ECVRunner.run(["report", "tour", "--format", "csv"] + out + root))
        let html = try Self.written(try ECVRunner.run(["report", "tour"] + out + root))
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
        let header = try #require(rows.first)
        let words = [
            "NOT_DEPLOYABLE": "NOT DEPLOYABLE", "RESTRICTED": "RESTRICTED", "INCOMPLETE": "INCOMPLETE",
            "DEPLOYABLE": "DEPLOYABLE", "NOT_INSPECTED": "NOT INSPECTED",
        ]
        for line in season.catalog.routes {
            let expected = try Self.status(root, ["--route", line.id])
            let row = try #require(rows.first { $0.first == line.id })
            let fields = Dictionary(uniqueKeysWithValues: zip(header, row))
            #expect(Int(fields["vehicles"] ?? "") == expected["ALL"], "\(line.id)")
            for (code, word) in words {
                #expect(Int(fields[code.lowercased()] ?? "") == expected[code, default: 0], "\(line.id) \(code)")
                let shown = "\(word) \(expected[code, default: 0])"
                let cells = try #require(html.range(of: "<td>\(line.name.text(in: .en))</td>"))
                let tableRow = html[cells.upperBound...].prefix { $0 != "\n" }
                #expect(
                    expected[code, default: 0] == 0 || tableRow.contains(shown + " ") || tableRow.contains(shown + "<"),
                    "\(line.id): \(shown)")
                #expect(tableRow.contains("<td class=\"n\">\(expected["ALL"] ?? -1)</td>"), "\(line.id)")
            }
        }
        for client in ["hlj-fire", "jl-fire"] {
            let expected = try Self.status(root, ["--client", client])
            let page = try Self.written(try ECVRunner.run(["report", "client", client] + out + root))
            #expect(page.contains("Vehicles: \(expected["ALL"] ?? -1)"), "\(client)")
            for code in words.keys {
                let bar = try NSRegularExpression(
                    pattern: "class=\"\(code)\" fill=\"[^\"]*\"></rect>\\s*<text[^>]*>([0-9]+)</text>")
                let match = try #require(
                    bar.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)), "\(client) \(code)")
                let count = try #require(Range(match.range(at: 1), in: page).map { page[$0] })
                #expect(Int(count) == expected[code, default: 0], "\(client) \(code)")
            }
        }
    }
}
