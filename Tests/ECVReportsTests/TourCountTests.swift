import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// The tour summary counts vehicles, not visits, and its km done end at the last stop with a visit done.
@Suite struct TourCountTests {
    static func day() throws -> CalendarDay { try #require(CalendarDay(iso: "2027-05-01")) }

    static func summary(_ season: SampleSeason, language: Language = .en) throws -> TourSummary {
        TourSummary(
            plan: season.plan, planVersion: 1, catalog: season.catalog, rows: try season.store.board(season.catalog),
            on: try day(), language: language)
    }

    static func northeast(_ csv: String) throws -> [String: String] {
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        let row = try #require(rows.first { $0.first == "northeast" }).map(String.init)
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    @Test func aVehicleVisitedTwiceCountsOnceWithItsLatestVerdict() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let row = try Self.northeast(try Self.summary(season).csv())
        let lineVehicles = season.catalog.routes.first { $0.id == "northeast" }?.sites.flatMap(\.vehicles).count
        #expect(Int(row["vehicles"] ?? "") == lineVehicles)
        #expect(row["inspected"] == "4")
        #expect(row["not_deployable"] == "1")
        #expect(row["restricted"] == "1")
        #expect(row["incomplete"] == "1")
        #expect(row["deployable"] == "1", "HLJ-FIRE-02 passed its recheck")
    }

    @Test func kmDoneEndAtTheLastStopWithAVisitDone() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let route = try #require(season.plan.routes.first { $0.route == "northeast" })
        let done = ["HLJ-FIRE-01", "HLJ-FIRE-02", "JL-FIRE-01", "HLJ-FIRE-03"]
        let lastDone = try #require(
            route.stops.indices.last { index in
                index != season.recheckStop && route.stops[index].visits.contains { done.contains($0.vehicle) }
            })
        #expect(lastDone < season.recheckStop, "the recheck not done yet lies beyond")
        let expected = route.legs.prefix(lastDone + 1).reduce(0) { $0 + $1.km }
        let row = try Self.northeast(try Self.summary(season).csv())
        #expect(row["km_done"] == String(format: "%.1f", expected))
    }

    @Test func groundedVehiclesAreListedByNameWithClientFailuresAndRecheckDay() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let stop = season.plan.routes.first { $0.route == "northeast" }?.stops[season.recheckStop]
        let recheck = try #require(stop?.visits.last.map(\.start.day))
        // Dated before the planned re-check, which the list gives as the vehicle's next visit.
        let html = try TourSummary(
            plan: season.plan, planVersion: 1, catalog: season.catalog, rows: try season.store.board(season.catalog),
            on: recheck.adding(days: -1), language: .en
        ).html()
        let list = try #require(html.range(of: "Vehicles not deployable or restricted"))
        let end = try #require(html.range(of: "</table>", range: list.upperBound..<html.endIndex))
        let rows = html[list.upperBound..<end.lowerBound]
        #expect(rows.contains("HLJ-FIRE-01"))
        #expect(rows.contains("JL-FIRE-01"))
        #expect(!rows.contains("HLJ-FIRE-02"), "repaired and rechecked")
        #expect(rows.contains("Heilongjiang Fire and Rescue Corps"))
        #expect(rows.contains("Generator start"))
        let (year, month, day) = recheck.components
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        #expect(rows.contains("\(day) \(months[month - 1]) \(year)"), "HLJ-FIRE-01's planned recheck")
    }

    @Test func theTourPageShowsTheCountsOfItsCSV() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let summary = try Self.summary(season)
        let row = try Self.northeast(summary.csv())
        let html = try summary.html()
        let line = try #require(html.range(of: "<td>Northeast line</td>"))
        let cells = html[line.upperBound...].prefix { $0 != "\n" }
        let counts = "<td class=\"n\">\(row["vehicles"] ?? "?")</td><td class=\"n\">\(row["inspected"] ?? "?")</td>"
        #expect(cells.contains(counts))
        #expect(cells.contains("NOT DEPLOYABLE 1 · RESTRICTED 1 · INCOMPLETE 1 · DEPLOYABLE 1 · NOT INSPECTED"))
    }

    @Test func theTourSummaryHasOneIdInEveryLanguage() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let summaries = try [Language.zh, .en, .both].map { try Self.summary(season, language: $0) }
        #expect(Set(summaries.map(\.reportID)).count == 1)
        #expect(Set(summaries.map(\.contentSHA256)).count == 1)
    }
}
