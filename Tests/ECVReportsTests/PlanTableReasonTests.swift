import ECVCatalog
import ECVModel
import ECVReports
import ECVTestSupport
import Foundation
import Testing

@testable import ECVPlanning

/// The plan table says why a vehicle is left out in the reader's language.
@Suite struct PlanTableReasonTests {
    @Test func thePlanTableSaysTheReasonInTheReadersLanguage() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let end = try #require(CalendarDay(iso: "2027-04-30"))
        let reason = UnscheduledReason.noRoom(team: "team-ne", end: end)
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 50
        var plan = try Planner(catalog: catalog, options: options).plan()
        plan.unscheduled = [
            Unscheduled(
                vehicle: "V-1", site: "s-1", route: "r", reason: reason.description, reasonMessage: reason.message),
            // A plan stored before the message was kept has its English words only.
            Unscheduled(vehicle: "V-2", site: "s-2", route: "r", reason: "site closed"),
        ]
        let stored = try TourPlan(
            json: String(decoding: try JSONEncoder().encode(PlanDocument(plan, generated: .now)), as: UTF8.self))
        let zh = PlanTable(plan: stored, catalog: catalog, language: .zh).rendered()
        #expect(zh.contains("unscheduled V-1 at s-1 (r): team-ne 的行程在 2027-04-30 前已无空余"), "\(zh)")
        #expect(zh.contains("unscheduled V-2 at s-2 (r): site closed"))
        let en = PlanTable(plan: stored, catalog: catalog, language: .en).rendered()
        #expect(en.contains("unscheduled V-1 at s-1 (r): no room left in team-ne's tour before 2027-04-30"))
    }
}
