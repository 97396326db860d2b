import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation

/// A generated tour of two short lines, planned: what the invariant checks are fed, whole and broken.
struct SmallTour {
    let folder: TemporaryFolder
    let catalog: Catalog
    let plan: TourPlan
    let document: PlanDocument

    init() throws {
        folder = try TemporaryFolder()
        try CatalogGenerator(teams: 2, sitesPerRoute: 3, vehiclesPerSite: 2, days: 21, seed: 3).write(
            to: folder.url, checklistsFrom: ProjectPaths.sampleCatalog.appendingPathComponent("Checklists"))
        catalog = CatalogLoader.load(root: folder.url).catalog
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 50
        plan = try Planner(catalog: catalog, options: options).plan()
        document = PlanDocument(plan, generated: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// The JSON of `document`, as a plan is stored.
    static func json(_ document: PlanDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// The day of a plan moment.
    static func day(_ moment: String) -> CalendarDay {
        CalendarDay(iso: moment.prefix(10)) ?? CalendarDay(daysSinceEpoch: 0)
    }
}
