import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// What `plan` and `replan` do with the plan they made: print it, store it as a draft, show what it changes
/// against the published plan, and say how to publish it.
struct DraftOutput {
    let catalog: Catalog
    let store: Store
    let planning: PlanningOptions
    /// The folder holding Checklists/ and Routes/, whose files the plan is made from.
    let root: URL

    func finish(_ plan: TourPlan, fromDay: CalendarDay?, context: PlanDiff.Context?) throws {
        let now = Date()
        let published = try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)
        try PlanWriter(
            plan: plan, catalog: catalog, language: planning.output.lang, generated: now,
            history: try PlanStorage.publishedHistory(store: store, catalog: catalog, before: nil)
        ).write(planning.output.format, to: planning.output.out)
        let record = try PlanStorage.save(
            plan, catalog: catalog, inputs: PlanInputs.read(root: root), generated: now, fromDay: fromDay, store: store)
        var epilogue = ""
        if let published {
            // The draft as stored, km rounded as in the published plan, so that equal plans compare equal.
            let diff = PlanDiff(
                from: published.plan, to: try PlanVersion(record, catalog: catalog).plan, context: context,
                vehicles: Set(catalog.vehicleIDs))
            epilogue += PlanDiffOutput(
                diff: diff, fromVersion: published.version, toVersion: record.version, fromLabel: "the published plan"
            ).rendered()
        }
        epilogue +=
            "plan version \(record.version) stored as a draft; teams follow it once you run "
            + "`ecv plan publish \(record.version)`\n"
        // Beside a table on standard output the epilogue follows it; beside JSON, CSV or ICS it goes to standard
        // error, so that the output stays a valid document.
        if planning.output.format == .table || planning.output.out != nil {
            Output.write("\n" + epilogue)
        } else {
            FileHandle.standardError.write(Data(epilogue.utf8))
        }
    }
}
