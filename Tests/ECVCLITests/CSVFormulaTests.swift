import ECVReports
import ECVTestSupport
import Foundation
import Testing

/// No cell of a CSV ecv writes runs in a spreadsheet; numbers stay numbers.
@Suite struct CSVFormulaTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("\r=1", "'\r=1"),
        ("-3.5", "-3.5"), ("+2", "+2"), ("-1e-7", "-1e-7"), ("-.5", "-.5"), ("-", "'-"), ("-0x10", "'-0x10"),
        ("a=b", "a=b"), ("消防", "消防"),
    ])
    func aCellThatASpreadsheetWouldRunBecomesText(field: String, cell: String) {
        #expect(CSVField.neutralised(field) == cell)
    }

    @Test func aVehicleReportCSVCarriesFormulasAsTextAndNegativeValuesAsNumbers() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let recorded = try ECVRunner.run(
            [
                "record", "HLJ-FIRE-01", "power.generator-start=fail", "antenna.pointing-loss=-3.5",
                "power.generator-hours=@SUM(A1:A9)", "--note", "power.generator-start==HYPERLINK(\"http://x\")",
            ] + root)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let out = folder.url.appendingPathComponent("out").path
        let report = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--format", "csv", "--out", out] + root)
        #expect(report.status == 0, "\(report.stderr)")
        let path = try #require(report.stdout.split(separator: "\n").first.map(String.init))
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"), "\(csv)")
        #expect(csv.contains(",'@SUM(A1:A9),"))
        #expect(csv.contains(",-3.5,dB,"))
        for line in csv.split(separator: "\r\n") {
            for cell in line.split(separator: ",") {
                #expect(!"=+@".contains(cell.first ?? " "), "\(cell)")
            }
        }
    }
}
