import ECVCatalog
import ECVModel
import ECVReports
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
        let placement = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let history = VehicleReportTests.results(failing: "power.generator-start", vehicle: placement.vehicle)
        let report = VehicleReport(
            placement: placement, catalog: catalog, inspections: [], history: history, language: .en)
        try Self.check(try report.html(), against: "vehicle-report-en.html")
        try Self.check(report.csv(), against: "vehicle-report-en.csv")
    }
}
