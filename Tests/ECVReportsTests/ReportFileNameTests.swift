import ECVReports
import ECVTestSupport
import Foundation
import Testing

/// Report file names: letters of any script kept, forbidden characters escaped, never two ids on one name.
@Suite struct ReportFileNameTests {
    @Test func chineseIdsKeepTheirLettersAndGetNamesOfTheirOwn() {
        let files = ReportFiles(folder: URL(fileURLWithPath: "/tmp/out"))
        let fire = files.url(kind: "vehicle", id: "消防-01", language: "zh", extension: "html").lastPathComponent
        let emergency = files.url(kind: "vehicle", id: "应急-01", language: "zh", extension: "html").lastPathComponent
        #expect(fire == "vehicle-消防-01-zh.html")
        #expect(emergency == "vehicle-应急-01-zh.html")
    }

    @Test(arguments: [
        ("a/b", "a%2Fb"), ("a\\b", "a%5Cb"), ("..", "%2E."), ("50%", "50%25"), ("a:b*c?", "a%3Ab%2Ac%3F"),
        ("", "%00"), ("HLJ-FIRE-01", "HLJ-FIRE-01"), ("tab\there", "tab%09here"),
    ])
    func onlyWhatFileSystemsForbidIsEscaped(id: String, name: String) {
        #expect(ReportFiles.safeName(id) == name)
    }

    @Test func idsThatLookAlikeAfterEscapingStillGetDifferentNames() {
        let ids = [
            "a/b", "a%2Fb", "a_b", "a:b", "a%3Ab", String(repeating: "长", count: 120) + "1",
            String(repeating: "长", count: 120) + "2",
        ]
        #expect(Set(ids.map(ReportFiles.safeName)).count == ids.count)
        #expect(ids.map(ReportFiles.safeName).allSatisfy { $0.utf8.count <= 200 })
    }

    @Test func aBatchRefusesToWriteTwoReportsToOneName() throws {
        let folder = try TemporaryFolder()
        let files = ReportFiles(folder: folder.url)
        let first = files.url(kind: "vehicle", id: "HLJ-01", language: "zh", extension: "html")
        let second = files.url(kind: "vehicle", id: "hlj-01", language: "zh", extension: "html")
        #expect(throws: ReportError.sameFileName(second.lastPathComponent, "HLJ-01", "hlj-01")) {
            try ReportFiles.requireDistinct([("HLJ-01", first), ("hlj-01", second)])
        }
    }
}
