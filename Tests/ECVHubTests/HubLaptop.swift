import ECVCatalog
import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation

/// A laptop of the sample catalog: its store, its bundle key, the work it records and the bundles it exports.
struct HubLaptop {
    let folder: TemporaryFolder
    let store: Store
    let actor: Actor
    let key: LaptopKey

    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
    /// When the tour's work is recorded: minutes count from here.
    static let start = SampleSeason.date("2027-04-20T09:00")
    /// A clock a day after the start, when the work is pushed and imported.
    static let dayAfter: @Sendable () -> Date = { start.addingTimeInterval(86_400) }

    init(_ name: String, who: String = "Zhang Wei") throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.databasePath)
        actor = Actor(who: who, laptop: name)
        key = try LaptopKey.create(name: name, in: folder.url.appendingPathComponent("keys"))
    }

    /// A full inspection of `vehicle` at `minutes` after the start: every item passes but those in `failing`.
    func inspect(_ vehicle: String, failing: Set<String> = [], minutes: Double) throws {
        guard let placement = Self.catalog.placement(ofVehicle: vehicle) else { throw LaptopError.noVehicle(vehicle) }
        let entries = Self.catalog.items(applyingTo: placement.vehicle).map { item in
            failing.contains(item.fullID)
                ? ResultEntry(itemID: item.fullID, value: "fail", note: "seen", source: "test")
                : ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "test")
        }
        _ = try store.record(
            entries, for: placement, catalog: Self.catalog, by: actor, at: Self.start.addingTimeInterval(minutes * 60),
            makeID: TimeOrderedID.make)
    }

    /// One answer to `item` of `vehicle` at `minutes` after the start.
    func answer(_ vehicle: String, _ item: String, _ value: String, minutes: Double) throws {
        guard let placement = Self.catalog.placement(ofVehicle: vehicle) else { throw LaptopError.noVehicle(vehicle) }
        _ = try store.record(
            [ResultEntry(itemID: item, value: value, note: "again", source: "test")], for: placement,
            catalog: Self.catalog, by: actor, at: Self.start.addingTimeInterval(minutes * 60),
            makeID: TimeOrderedID.make)
    }

    /// The signed bytes of what is new since the last export, marked exported.
    func export(minutes: Double = 600) throws -> Data {
        let (bundle, lastSeq) = try store.bundleSinceLastExport(
            laptop: actor.laptop, at: Self.start.addingTimeInterval(minutes * 60), id: TimeOrderedID.make())
        let data = try bundle.encoded(signedWith: key)
        try store.markExported(bundle, lastSeq: lastSeq, file: "bundle", sha256: data.sha256Hex)
        return data
    }

    /// Trusts `others`' keys, as the office does once they are enrolled.
    func trusts(_ others: [HubLaptop]) throws {
        for other in others {
            try store.enroll(laptop: other.actor.laptop, publicKey: other.key.publicKey, by: actor, at: Self.start)
        }
    }

    /// Imports a bundle's bytes as `ecv import` does.
    func importing(_ data: Data, minutes: Double = 1440) throws {
        _ = try store.importBundle(
            try SyncBundle(data: data), file: "bundle",
            rules: ImportRules(
                catalog: Self.catalog, now: Self.start.addingTimeInterval(minutes * 60), importer: actor.laptop),
            by: actor, makeID: TimeOrderedID.make)
    }

    enum LaptopError: Error {
        case noVehicle(String)
    }
}
