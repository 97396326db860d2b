import ECVCatalog
import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// The tour summary for the office: every line, its map, and names shown as text.
@Suite struct TourSummaryTests {
    @Test func everyLineIsOnTheMapAndNamesStayText() throws {
        var catalog = VehicleReportTests.catalog
        catalog.teams[0].base.name = LocalizedText("<script>x</script> base")
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 200
        let plan = try Planner(catalog: catalog, options: options).plan()
        let json = String(decoding: try JSONEncoder().encode(PlanDocument(plan, generated: Date())), as: UTF8.self)
        let document = try TourPlan(json: json)
        let html = try TourSummary(
            plan: document, planVersion: 3, catalog: catalog, rows: [],
            on: try #require(CalendarDay(iso: "2027-05-01")),
            language: .en
        ).html()
        #expect(html.components(separatedBy: "<polyline").count - 1 == catalog.routes.count)
        let start = try #require(html.range(of: "<svg xmlns"))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let map = html[start.lowerBound..<end.upperBound]
        for route in catalog.routes {
            let team = try #require(catalog.team(withID: route.teamID))
            #expect(map.contains("\(route.name.text(in: .en)) · \(team.name.text(in: .en))"), "legend of \(route.id)")
        }
        #expect(!html.contains("<script>x</script>"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt; base"))
        #expect(html.contains("Plan version 3"))
    }
}
