import ECVModel
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// What a reader sees on a printed report: shares rounded, bar labels that do not run together, and a
/// signature that never stands alone on a page.
@Suite struct ReportLayoutTests {
    @Test func paretoSharesAreRoundedToTheNearestPerCent() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        // A third failing item besides the generator start and the load run: shares of 1, 2 and 3 in 3.
        let placement = try SampleSeason.placement("HLJ-FIRE-03", season.catalog)
        _ = try season.store.record(
            [ResultEntry(itemID: "power.ups-autonomy", value: "fail", note: "battery worn", source: "test")],
            for: placement, catalog: season.catalog, by: SampleSeason.engineer,
            at: season.visit("HLJ-FIRE-03") + 600, makeID: TimeOrderedID.make)
        let html = try TourCountTests.summary(season).html()
        let shares = html.components(separatedBy: "<td class=\"n\">").compactMap { cell in
            cell.split(separator: "<").first.flatMap { $0.hasSuffix("%") ? String($0) : nil }
        }
        #expect(shares == ["33%", "67%", "100%"], "\(shares)")
    }

    @Test func aBilingualClientSummarySetsEachBarLabelsLanguagesOnTwoLines() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let client = try #require(season.catalog.client(withID: "hlj-fire"))
        let html = try ClientSummary(
            client: client, catalog: season.catalog, rows: try season.store.board(season.catalog, client: "hlj-fire"),
            plan: season.plan, on: try #require(CalendarDay(iso: "2027-04-01")), language: .both
        ).html()
        #expect(
            html.contains(
                "<text x=\"50\" y=\"156\" text-anchor=\"middle\">不可出动</text>"
                    + "<text x=\"50\" y=\"168\" text-anchor=\"middle\">NOT DEPLOYABLE</text>"), "\(html)")
        #expect(!html.contains("不可出动 NOT DEPLOYABLE</text>"))
    }

    @Test(.needs(.chromium), .needs(.pdftotext))
    func theSignatureOfAPrintedVehicleReportNeverStandsAloneOnAPage() throws {
        let folder = try TemporaryFolder()
        let season = try SampleSeason(in: folder)
        let signer = try ReportSigner.createKeys(in: folder.url.appendingPathComponent("keys"))
        let html = try VehicleSeasonTests.report("HLJ-FIRE-01", season, language: .en, signer: signer).html()
        let printer = try ChromiumPrinter.find()
        // The end of the report pushed down after its last table, in steps shorter than its footer over most of
        // a page, so that a page ends in the footer or just before it at least once.
        let lastTable = try #require(html.range(of: "</table>", options: .backwards))
        var jobs: [(URL, URL)] = []
        for step in 0..<32 {
            var padded = html
            padded.insert(contentsOf: "<div style=\"height:\(step * 6)mm\"></div>", at: lastTable.upperBound)
            let page = folder.url.appendingPathComponent("padded-\(step).html")
            try Data(padded.utf8).write(to: page)
            jobs.append((page, page.deletingPathExtension().appendingPathExtension("pdf")))
        }
        try printer.printAll(jobs, browsers: 1, pageTimeout: 60)
        for (_, pdf) in jobs {
            let pages = try Self.pdftotext(pdf).split(separator: "\u{0C}", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            let last = try #require(pages.last)
            #expect(last.contains("Signature "), "\(pdf.lastPathComponent): the signature is on the last page")
            #expect(last.contains("Engineer"), "\(pdf.lastPathComponent): its last page holds only\n\(last)")
            #expect(
                pages.dropLast().allSatisfy { !$0.contains("Signature ") },
                "\(pdf.lastPathComponent): the signature begins on one page and ends on another")
        }
    }

    /// The text of a PDF, pages separated by form feeds.
    static func pdftotext(_ pdf: URL) throws -> String {
        let process = Process()
        // The test needs pdftotext: where it is missing, running /usr/bin's fails with that name.
        process.executableURL =
            ExternalTool.executable(named: "pdftotext") ?? URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }
}
