import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// What `ecv import` does with a bundle's bytes, and `ecv sync` with each bundle a pull brings: every check of
/// ECVSync against this database and catalog, then all of it or nothing.
public struct BundleImporter {
    /// Routes/ and Checklists/ the bundle's vehicles, items and plan are checked against.
    public let catalog: Catalog
    /// The database the bundle goes into.
    public let store: Store
    /// Who imports, on which laptop: the trail's lines of the import name them.
    public let actor: Actor

    /// An importer into `store`, checking against `catalog`, as `actor`.
    public init(catalog: Catalog, store: Store, actor: Actor) {
        self.catalog = catalog
        self.store = store
        self.actor = actor
    }

    /// Imports the bundle `data` (named `file` in messages), its times checked against `now`.
    ///
    /// Returns its sender and what it did. A refused bundle is `HubSyncError.refusedBundle`; a database that fails, its `StoreError`.
    public func report(_ data: Data, named file: String, at now: Date) throws -> (sender: String, report: ImportReport)
    {
        let bundle: SyncBundle
        do {
            bundle = try SyncBundle(data: data)
        } catch {
            throw HubSyncError.refusedBundle(file: file, reason: "\(error)")
        }
        let routes = catalog.routes
        let catalog = self.catalog
        // A plan comes in only when it reads back as a plan; its times are checked like every other value.
        let rules = ImportRules(
            catalog: catalog, now: now, importer: actor.laptop,
            planProblem: { json in
                do {
                    return try TourPlan(json: json, routes: routes).unknownID(in: catalog)
                } catch {
                    return (error as? PlanReadError)?.description ?? "not a readable plan"
                }
            })
        do {
            let report = try store.importBundle(
                bundle, file: file, rules: rules, by: actor, makeID: TimeOrderedID.make)
            return (bundle.laptop, report)
        } catch let error as BundleError {
            throw HubSyncError.refusedBundle(file: file, reason: "\(error)")
        }
    }

    /// Imports the bundle `data` (named `file` in messages) and returns the lines that say what it added.
    public func take(_ data: Data, named file: String, at now: Date) throws -> String {
        let (sender, report) = try report(data, named: file, at: now)
        var out =
            "imported from \(TerminalText.escaped(sender)): \(report.newInspections) new inspections, "
            + "\(report.finishedInspections) finished, \(report.newResults) new results "
            + "(\(report.knownResults) already here), \(report.newPhotos) new photos, \(report.newAuditLines) audit lines, "
            + "\(report.conflicts.count) conflict\(report.conflicts.count == 1 ? "" : "s")"
            + (report.adoptedPlan.map { "; follows the published plan it brought, now version \($0) here" } ?? "")
            + "\n"
        for conflict in report.conflicts { out += "  \(TerminalText.escaped(conflict.description))\n" }
        return out
    }
}
