import ECVCatalog
import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// What `ecv import` does with a bundle's bytes, and `ecv sync` with each bundle a pull brings: every check of
/// ECVSync against this database and catalog, then all of it or nothing.
struct BundleImporter {
    let catalog: Catalog
    let store: Store
    let actor: Actor

    /// Imports the bundle `data` (named `file` in messages) and returns the lines that say what it added.
    func take(_ data: Data, named file: String) throws -> String {
        let bundle: SyncBundle
        do {
            bundle = try SyncBundle(data: data)
        } catch {
            throw CLIError.badFile("\(file): \(error)")
        }
        let routes = catalog.routes
        let catalog = self.catalog
        // A plan comes in only when it reads back as a plan; its times are checked like every other value.
        let rules = ImportRules(
            catalog: catalog, now: Date(), importer: actor.laptop,
            planProblem: { json in
                do {
                    return try TourPlan(json: json, routes: routes).unknownID(in: catalog)
                } catch {
                    return (error as? PlanReadError)?.description ?? "not a readable plan"
                }
            })
        let report: ImportReport
        do {
            report = try store.importBundle(bundle, file: file, rules: rules, by: actor, makeID: TimeOrderedID.make)
        } catch let error as BundleError {
            throw CLIError.badFile("\(file): \(error)")
        }
        var out =
            "imported from \(Terminal.safe(bundle.laptop)): \(report.newInspections) new inspections, "
            + "\(report.finishedInspections) finished, \(report.newResults) new results "
            + "(\(report.knownResults) already here), \(report.newPhotos) new photos, \(report.newAuditLines) audit lines, "
            + "\(report.conflicts.count) conflict\(report.conflicts.count == 1 ? "" : "s")"
            + (report.adoptedPlan.map { "; follows the published plan it brought, now version \($0) here" } ?? "")
            + "\n"
        for conflict in report.conflicts { out += "  \(Terminal.safe(conflict.description))\n" }
        return out
    }
}
