import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// A vehicle's report tells its season, leads with what is wrong, and has one identity in every language.
@Suite struct VehicleSeasonTests {
    static func report(
        _ vehicle: String, _ season: SampleSeason, language: Language, signer: ReportSigner? = nil
    ) throws -> VehicleReport {
        VehicleReport(
            placement: try SampleSeason.placement(vehicle, season.catalog), catalog: season.catalog,
            history: try season.store.history(ofVehicle: vehicle), planVersion: 1,
            seasonStart: Season.start(of: season.plan), language: language, signer: signer)
    }

    @Test func aRepairedVehiclesReportTellsTheFailureTheRepairAndTheRecheck() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let html = try Self.report("HLJ-FIRE-02", season, language: .en).html()
        #expect(html.contains("DEPLOYABLE"))
        #expect(html.contains("This season"))
        #expect(html.contains("Found failed: <span class=\"found\">Generator start (no crank)"))
        #expect(html.contains("Recheck after repair</strong> · Li Na"))
        #expect(html.contains("Repaired, passed the recheck: Generator start — starter relay replaced"))
    }

    @Test func thePreviousSeasonsVerdictIsShownWhenTheStoreHasIt() throws {
        let season = try SampleSeason(in: try TemporaryFolder(), previousSeason: true)
        let html = try Self.report("HLJ-FIRE-02", season, language: .en).html()
        #expect(html.contains("Previous season: <span class=\"v RESTRICTED\">RESTRICTED</span>"))
        let without = try Self.report("HLJ-FIRE-01", season, language: .en).html()
        #expect(!without.contains("Previous season"))
    }

    @Test func resultsRecordedAheadOfThePlanStillTellThisSeason() throws {
        let catalog = VehicleReportTests.catalog
        let history = VehicleHistory(
            vehicleID: "HLJ-FIRE-01", results: [ItemResult(itemID: "power.generator-start", status: .fail)],
            at: SampleSeason.date("2026-12-01T10:00"))
        let html = try VehicleReport(
            placement: try SampleSeason.placement("HLJ-FIRE-01", catalog), catalog: catalog, history: history,
            seasonStart: SampleSeason.date("2027-03-01T08:00"), language: .en
        ).html()
        #expect(html.contains("This season"))
        #expect(!html.contains("Previous season"))
    }

    @Test func failuresComeOnPageOneWithTheirSectionAndWhatToDo() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let html = try Self.report("HLJ-FIRE-01", season, language: .en).html()
        let findings = try #require(html.range(of: "Failures and restrictions"))
        let firstSection = try #require(html.range(of: "<h2 id=\"s1\""))
        #expect(findings.lowerBound < firstSection.lowerBound)
        let list = html[findings.upperBound..<firstSection.lowerBound]
        #expect(list.contains("<strong>Generator start</strong> · critical"))
        #expect(list.contains("starter relay dead"))
        #expect(list.contains("see section"))
        #expect(list.contains("Have the Generator start repaired and call us to recheck it"))
    }

    @Test func tagsAndTitlesAreInTheReportsLanguageAndIdsStaySmall() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let zh = try Self.report("HLJ-FIRE-01", season, language: .zh).html()
        #expect(zh.contains("VSAT 卫星站 · Ku 波段"))
        #expect(!zh.contains("vsat, ku-band"))
        #expect(zh.contains("<small class=\"id\">power.generator-start"))
    }

    @Test func passedItemsTakeOneCompactLineEach() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let html = try Self.report("HLJ-FIRE-01", season, language: .en).html()
        let compact = html.components(separatedBy: "<tr class=\"compact\">").count - 1
        let items = season.catalog.items(applyingTo: try SampleSeason.placement("HLJ-FIRE-01", season.catalog).vehicle)
        #expect(compact == items.count - 1, "every item but the failed one")
    }

    @Test func theZhEnAndBothReportsOfTheSameFactsShareTheirIdAndHash() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let reports = try [Language.zh, .en, .both].map { try Self.report("HLJ-FIRE-02", season, language: $0) }
        #expect(Set(reports.map(\.reportID)).count == 1)
        #expect(Set(reports.map(\.contentSHA256)).count == 1)
        #expect(Set(try reports.map { try $0.html() }).count == 3, "the pages themselves differ")
        let other = try Self.report("HLJ-FIRE-01", season, language: .zh)
        #expect(other.reportID != reports[0].reportID)
    }

    @Test func theFooterNamesTheFingerprintOfTheSigningKey() throws {
        let folder = try TemporaryFolder()
        let season = try SampleSeason(in: folder)
        let signer = try ReportSigner.createKeys(in: folder.url.appendingPathComponent("keys"))
        let html = try Self.report("HLJ-FIRE-01", season, language: .en, signer: signer).html()
        #expect(html.contains("Office key fingerprint <span class=\"code\">\(signer.fingerprint)</span>"))
    }
}
