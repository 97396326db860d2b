import ECVModel
import Testing

@testable import ECVReports

/// Numbers and dates as each reader writes them.
@Suite struct ReportLabelsTests {
    @Test func englishGroupsThousandsByCommas() {
        let labels = ReportLabels(language: .en)
        #expect(labels.number(16_575) == "16,575")
        #expect(labels.number(2638) == "2,638")
        #expect(labels.number(999) == "999")
        #expect(labels.number(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(labels.number(-4_410) == "-4,410")
    }

    @Test func chineseGroupsLongNumbersByThinSpacesAndLeavesFourDigitsWhole() {
        let labels = ReportLabels(language: .zh)
        #expect(labels.number(2638) == "2638")
        #expect(labels.number(16_575) == "16\u{2009}575")
        #expect(labels.number(1_234_567.5, decimals: 1) == "1\u{2009}234\u{2009}567.5")
        #expect(ReportLabels(language: .both).number(16_575) == "16\u{2009}575")
    }

    @Test func datesAsEachReaderWritesThem() throws {
        let day = try #require(CalendarDay(iso: "2027-04-13"))
        #expect(ReportLabels(language: .zh).date(day) == "2027年4月13日")
        #expect(ReportLabels(language: .en).date(day) == "13 April 2027")
        #expect(ReportLabels(language: .both).date(day) == "2027年4月13日 13 April 2027")
    }

    @Test func sectorsAndVerdictsHaveWordsInBothLanguages() {
        for sector in Client.Sector.allCases {
            let key = "sector-\(sector.rawValue)"
            #expect(ReportLabels(language: .en)(key) != key)
            #expect(ReportLabels(language: .zh)(key) != ReportLabels(language: .en)(key))
        }
        for readiness in Readiness.allCases {
            #expect(ReportLabels(language: .zh)(readiness.rawValue) != readiness.rawValue)
        }
    }
}
