import ECVCatalog
import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// The office of a simulated season: Routes/ and Checklists/ in its folder, its database, its key; it plans,
/// replans, publishes and imports laptops' bundles through the library calls `ecv plan`, `ecv replan`,
/// `ecv plan publish`, `ecv export` and `ecv import` make.
final class SeasonOffice {
    static let name = "office"
    static let actor = Actor(who: "dispatcher", laptop: SeasonOffice.name)

    let root: URL
    let store: Store
    let key: LaptopKey
    private(set) var catalog: Catalog
    /// The checklists' fingerprints an inspection records, worked out once per reading of the catalog.
    private(set) var fingerprints: ChecklistFingerprints
    let iterations: Int
    let seed: UInt64

    init(root: URL, seed: UInt64, iterations: Int) throws {
        self.root = root
        self.seed = seed
        self.iterations = iterations
        catalog = try Self.load(root)
        fingerprints = ChecklistFingerprints(catalog.checklists)
        store = try Store(path: root.appendingPathComponent("ecv.sqlite").path)
        key = try LaptopKey.create(name: Self.name, in: root.appendingPathComponent("keys"))
    }

    /// Reads Routes/ and Checklists/ again after an edit; an error in them stops the season.
    func reload() throws {
        catalog = try Self.load(root)
        fingerprints = ChecklistFingerprints(catalog.checklists)
    }

    private static func load(_ root: URL) throws -> Catalog {
        let load = CatalogLoader.load(root: root)
        if let error = load.errors.first { throw SeasonError.badCatalog(error.description) }
        return load.catalog
    }

    /// The published plan: its version, its stored JSON and the plan read back.
    func published() throws -> PublishedPlan? {
        guard let record = try store.publishedPlan() else { return nil }
        do {
            return try PublishedPlan(record, catalog: catalog)
        } catch {
            throw SeasonError.unreadablePlan(version: record.version, problem: "\(error)")
        }
    }

    /// Plans (`continuation` nil) or replans, stores the draft and publishes it, as `ecv plan` or `ecv replan`
    /// followed by `ecv plan publish` do.
    func planAndPublish(continuation: Continuation?, fromDay: CalendarDay?, at now: Date) throws -> PublishedPlan {
        var options = Planner.Options()
        options.seed = seed
        options.timeLimit = nil
        options.maxIterations = iterations
        options.maxIterationsWithoutImprovement = iterations
        options.continuation = continuation
        let plan = try Planner(catalog: catalog, options: options).plan()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(PlanDocument(plan, generated: now)), as: UTF8.self)
        let record = try store.savePlan(
            json: json, seed: plan.seed, catalog: catalog, inputs: PlanInputs.read(root: root), fromDay: fromDay,
            by: Self.actor, at: now, id: TimeOrderedID.make(), auditID: TimeOrderedID.make())
        _ = try store.publishPlan(version: record.version, by: Self.actor, at: now, auditID: TimeOrderedID.make())
        guard let published = try published() else { throw SeasonError.notPublished(record.version) }
        return published
    }

    /// The office as a database that sends and takes bundles.
    var party: SeasonParty { SeasonParty(name: Self.name, store: store, key: key, root: root) }

    /// A signed bundle of what `party` recorded since its last export, marked exported, as `ecv export` writes it.
    ///
    /// At the office it carries the published plan. `nil` when `unlessEmpty` and nothing was recorded since.
    static func export(_ party: SeasonParty, at now: Date, unlessEmpty: Bool) throws -> Data? {
        let (bundle, lastSeq) = try party.store.bundleSinceLastExport(
            laptop: party.key.name, at: now, id: TimeOrderedID.make(), carryingPlan: party.name == name)
        if unlessEmpty, bundle.audit.isEmpty { return nil }
        let data = try bundle.encoded(signedWith: party.key)
        try party.store.markExported(
            bundle, lastSeq: lastSeq, file: "\(party.key.name)-\(bundle.id).ecvbundle", sha256: data.sha256Hex)
        return data
    }

    /// Imports a bundle's bytes into `store` as `ecv import` does; returns what it did.
    static func importBundle(
        _ data: Data, into store: Store, importer: String, catalog: Catalog, at now: Date
    ) throws -> ImportReport {
        let bundle = try SyncBundle(data: data)
        let routes = catalog.routes
        let rules = ImportRules(
            catalog: catalog, now: now, importer: importer,
            planProblem: { json in
                do throws(PlanReadError) {
                    _ = try TourPlan(json: json, routes: routes)
                    return nil
                } catch {
                    return error.description
                }
            })
        return try store.importBundle(
            bundle, file: "\(bundle.laptop)-\(bundle.id).ecvbundle", rules: rules,
            by: Actor(who: "sync", laptop: importer), makeID: TimeOrderedID.make)
    }
}

/// A stored, published plan version: its JSON as stored, the document and the typed plan read from it.
struct PublishedPlan {
    let version: Int
    let json: String
    let document: PlanDocument
    let plan: TourPlan

    init(_ record: PlanRecord, catalog: Catalog) throws {
        version = record.version
        json = record.json
        document = try JSONDecoder().decode(PlanDocument.self, from: Data(record.json.utf8))
        plan = try StoredPlan(json: record.json, version: record.version, routes: catalog.routes).plan
    }
}
