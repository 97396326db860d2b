import ECVCatalog
import ECVModel
import ECVStore
import ECVSync
import Foundation
import GRDB

/// A structure-aware fuzzer of sync bundles: from a real export, each mutant changes typed values — ids, times,
/// versions, answers, audit lines, photos, plan content — is signed again with the enrolled laptop's key, and
/// imported at an office through the library the `import` command calls; then the invariants are checked.
///
/// Invariants: the import either succeeds or refuses with `BundleError` (what `ecv import` turns into exit 0
/// or 1); a refused bundle changes nothing; an imported one is there whole; every stored result has its audit
/// line; no file appears outside the photo folder; the office's verdict is never better than the one its
/// stored answers give, each item by its latest answer.
public struct BundleFuzzer {
    /// What a run found.
    public struct Counts: Sendable, Equatable, CustomStringConvertible {
        /// Mutated bundles tried.
        public var mutants = 0
        /// Mutants the import took.
        public var imported = 0
        /// Mutants the import refused.
        public var refused = 0
        /// Broken invariants, each with the mutant's number and what broke.
        public var breaks: [String] = []

        /// `N mutants, N imported, N refused, N invariant breaks`.
        public var description: String {
            "\(mutants) mutants, \(imported) imported, \(refused) refused, \(breaks.count) invariant breaks"
        }
    }

    let catalog: Catalog
    let laptopKey: LaptopKey
    let original: SyncBundle
    let folder: TemporaryFolder

    /// Records a small season on a test laptop and exports it: the bundle every mutant starts from.
    public init() throws {
        catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        folder = try TemporaryFolder()
        let laptopFolder = folder.url.appendingPathComponent("laptop")
        try FileManager.default.createDirectory(at: laptopFolder, withIntermediateDirectories: true)
        let laptop = try Store(path: laptopFolder.appendingPathComponent("ecv.sqlite").path)
        laptopKey = try LaptopKey.create(name: "laptop-a", in: laptopFolder.appendingPathComponent("keys"))
        let actor = Actor(who: "Zhang Wei", laptop: "laptop-a")
        let start = Date(timeIntervalSince1970: 1_805_000_000)
        let answers: [(String, [(String, String)], Double)] = [
            ("HLJ-FIRE-01", [("power.grounding", "1.1"), ("power.generator-start", "fail")], 0),
            ("HLJ-FIRE-01", [("power.grounding", "1.3")], 5), ("JL-FIRE-01", [("power.grounding", "1.2")], 9),
        ]
        for (vehicle, pairs, minutes) in answers {
            guard let placement = catalog.placement(ofVehicle: vehicle) else { continue }
            let entries = pairs.map { ResultEntry(itemID: $0.0, value: $0.1, note: "seen", source: "fuzz") }
            _ = try laptop.record(
                entries, for: placement, catalog: catalog, by: actor, at: start.addingTimeInterval(minutes * 60),
                makeID: UUID.init)
        }
        if let placement = catalog.placement(ofVehicle: "HLJ-FIRE-01") {
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
            _ = try laptop.savePhoto(
                png, kind: .png, of: placement, item: "power.grounding", catalog: catalog, by: actor,
                at: start.addingTimeInterval(600), makeID: UUID.init)
        }
        let (bundle, _) = try laptop.bundleSinceLastExport(
            laptop: "laptop-a", at: start.addingTimeInterval(7200), id: UUID())
        original = try SyncBundle(data: bundle.encoded(signedWith: laptopKey))
    }

    /// Imports `count` mutants, each into a fresh office, and checks the invariants after each.
    public func run(mutants count: Int, seed: UInt64) throws -> Counts {
        var random = SeededGenerator(seed: seed)
        var counts = Counts()
        for number in 0..<count {
            let mutant = BundleMutation.mutate(original, using: &random)
            counts.mutants += 1
            do {
                try check(mutant, number: number, &counts)
            } catch {
                counts.breaks.append("mutant \(number): \(error)")
            }
        }
        return counts
    }

    private func check(_ mutant: SyncBundle, number: Int, _ counts: inout Counts) throws {
        let office = folder.url.appendingPathComponent("office-\(number)")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: office) }
        let store = try Store(path: office.appendingPathComponent("ecv.sqlite").path)
        let officeActor = Actor(who: "Wang Fang", laptop: "office")
        let now = Date(timeIntervalSince1970: 1_805_000_000 + 86_400)
        try store.enroll(laptop: "laptop-a", publicKey: laptopKey.publicKey, by: officeActor, at: now)
        // Read back from its signed bytes, as `ecv import` reads a file.
        let data = try mutant.encoded(signedWith: laptopKey)
        let before = try Self.dump(office)
        let rules = ImportRules(catalog: catalog, now: now, importer: "office")
        do {
            let bundle = try SyncBundle(data: data)
            _ = try store.importBundle(bundle, file: "fuzz", rules: rules, by: officeActor, makeID: UUID.init)
            counts.imported += 1
            try invariantsAfterImport(bundle, office, store, number: number, &counts)
        } catch is BundleError {
            counts.refused += 1
            if try Self.dump(office) != before { counts.breaks.append("mutant \(number): refused, yet changed") }
        }
    }

    private func invariantsAfterImport(
        _ bundle: SyncBundle, _ office: URL, _ store: Store, number: Int, _ counts: inout Counts
    ) throws {
        let queue = try DatabaseQueue(path: office.appendingPathComponent("ecv.sqlite").path)
        let (ids, unaudited) = try queue.read { db in
            let lines = try Set(String.fetchAll(db, sql: "SELECT entityID FROM audit WHERE entity = 'result'"))
            let rows = try Row.fetchAll(db, sql: "SELECT id, version FROM result")
            let missing = rows.filter { row in
                !lines.contains("\((row["id"] as UUID).uuidString)#\(row["version"] as Int)")
            }
            return (Set(rows.map { $0["id"] as UUID }), missing.count)
        }
        if !bundle.results.allSatisfy({ ids.contains($0.id) }) {
            counts.breaks.append("mutant \(number): imported in part")
        }
        if unaudited > 0 { counts.breaks.append("mutant \(number): \(unaudited) results without an audit line") }
        let files = try FileManager.default.subpathsOfDirectory(atPath: office.path)
        for file in files where !file.hasPrefix("photos") && !file.hasPrefix("ecv.sqlite") {
            counts.breaks.append("mutant \(number): a file \(file) outside the photo folder")
        }
        for row in try store.board(catalog) {
            guard let placement = catalog.placement(ofVehicle: row.vehicle) else { continue }
            var latest: [String: ItemResult] = [:]
            for result in try store.resultRecords(ofVehicle: row.vehicle) { latest[result.itemID] = result.itemResult }
            let truth = VerdictRules.verdict(
                items: catalog.items(applyingTo: placement.vehicle), results: Array(latest.values))
            // A critical failure among the latest answers grounds the vehicle, whatever else came in.
            if truth.readiness == .notDeployable, row.verdict.readiness != .notDeployable {
                counts.breaks.append("mutant \(number): \(row.vehicle) deployable against its latest answers")
            }
        }
    }

    /// Every row of every table and every file's name: equal dumps mean nothing changed.
    static func dump(_ office: URL) throws -> String {
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: office.path))?.sorted() ?? []
        let path = office.appendingPathComponent("ecv.sqlite").path
        let rows = try DatabaseQueue(path: path).read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.flatMap { table in try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\($0)" } }
        }
        return (files.filter { !$0.hasPrefix("ecv.sqlite") } + rows.sorted()).joined(separator: "\n")
    }
}
