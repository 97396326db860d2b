import ECVCatalog
import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// Golden files of the reports: a reviewer sees in the diff what a change does to a page.
///
/// `ECV_UPDATE_SNAPSHOTS=1 swift test --filter ReportSnapshotTests` writes them anew.
@Suite struct ReportSnapshotTests {
    static let folder = ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVReportsTests/Snapshots")

    static func check(_ text: String, against name: String) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ECV_UPDATE_SNAPSHOTS"] != nil {
            try Data(text.utf8).write(to: file)
        }
        let golden = try #require(FileManager.default.contents(atPath: file.path), "missing \(file.path)")
        #expect(String(decoding: golden, as: UTF8.self) == text, "\(name) differs from its golden file")
    }

    @Test func theVehicleReportInEnglish() throws {
        let catalog = VehicleReportTests.catalog
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let placement = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let entries = catalog.items(applyingTo: placement.vehicle).map { item in
            item.fullID == "power.generator-start"
                ? ResultEntry(itemID: item.fullID, value: "fail", note: "starter relay dead", source: "test")
                : ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "test")
        }
        _ = try store.record(
            entries, for: placement, catalog: catalog, by: Actor(who: "Zhang Wei", laptop: "l"), at: Self.when,
            makeID: TimeOrderedID.make)
        let report = VehicleReport(
            placement: placement, catalog: catalog, history: try store.history(ofVehicle: placement.vehicle.id),
            language: .en)
        try Self.check(try report.html(), against: "vehicle-report-en.html")
        try Self.check(report.csv(), against: "vehicle-report-en.csv")
    }

    @Test func aRepairedVehiclesReportInBothLanguages() throws {
        let season = try SampleSeason(in: try TemporaryFolder(), previousSeason: true)
        let report = VehicleReport(
            placement: try SampleSeason.placement("HLJ-FIRE-02", season.catalog), catalog: season.catalog,
            history: try season.store.history(ofVehicle: "HLJ-FIRE-02"), planVersion: 1,
            seasonStart: Season.start(of: season.plan), language: .both)
        try Self.check(try report.html(), against: "vehicle-report-repaired-both.html")
    }

    @Test func theTourSummaryOfASeasonInEnglish() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let summary = TourSummary(
            plan: season.plan, planVersion: 1, catalog: season.catalog, rows: try season.store.board(season.catalog),
            on: try #require(CalendarDay(iso: "2027-05-01")), language: .en)
        try Self.check(try summary.html(), against: "tour-summary-season-en.html")
        try Self.check(summary.csv(), against: "tour-summary-season-en.csv")
    }

    @Test func aClientsSummaryInChinese() throws {
        let catalog = VehicleReportTests.catalog
        let folder = try TemporaryFolder()
        let rows = try Self.boardWithFailures(catalog, in: folder)
        let client = try #require(catalog.client(withID: "hlj-fire"))
        let summary = ClientSummary(
            client: client, catalog: catalog, rows: rows, on: try #require(CalendarDay(iso: "2027-04-20")),
            language: .zh)
        try Self.check(try summary.html(), against: "client-summary-zh.html")
    }

    @Test func theTourSummaryInBothLanguages() throws {
        let catalog = VehicleReportTests.catalog
        let folder = try TemporaryFolder()
        let rows = try Self.boardWithFailures(catalog, in: folder)
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 200
        let plan = try Planner(catalog: catalog, options: options).plan()
        let summary = TourSummary(
            plan: plan, planVersion: 2, catalog: catalog, rows: rows,
            on: try #require(CalendarDay(iso: "2027-05-01")), language: .both)
        try Self.check(try summary.html(), against: "tour-summary-both.html")
    }

    /// 2027-04-06 16:26 China time: what the pages say must not depend on when the test runs.
    static let when = Date(timeIntervalSince1970: 1_807_000_000)

    /// The board after a failed generator on four vehicles of three clients, recorded at a fixed time.
    static func boardWithFailures(_ catalog: Catalog, in folder: TemporaryFolder) throws -> [BoardRow] {
        let store = try Store(path: folder.databasePath)
        for id in ["HLJ-FIRE-01", "HLJ-FIRE-02", "JL-FIRE-01", "HE-EM-02"] {
            let placement = try #require(catalog.placement(ofVehicle: id))
            _ = try store.record(
                [ResultEntry(itemID: "power.generator-start", value: "fail", note: "relay", source: "test")],
                for: placement, catalog: catalog, by: Actor(who: "Zhang Wei", laptop: "l"), at: Self.when,
                makeID: TimeOrderedID.make)
        }
        return try store.board(catalog)
    }
}
