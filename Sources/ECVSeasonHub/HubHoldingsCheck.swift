import ECVHub
import ECVHubSync
import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation

/// After a full round through the hub: the hub holds each record once and exactly the office's results, and the
/// office's board is the board `ecv import` builds from the bundles the hub took.
struct HubHoldingsCheck {
    /// The office's Routes/ and Checklists/: whose vehicles are compared.
    let catalog: Catalog

    /// Each result held once, and the same results as the office's store.
    func breaches(held: [HeldResult], office: Store) throws -> [InvariantBreach] {
        var breaches: [InvariantBreach] = []
        let counted = Dictionary(grouping: held, by: { "\($0.id.uuidString)#\($0.version)" })
        if let twice = counted.filter({ $0.value.count > 1 }).keys.sorted().first {
            breaches.append(InvariantBreach(.hubHoldsOnce, "the hub holds result \(twice) more than once"))
        }
        let vehicles = Set(catalog.vehicleIDs)
        let atHub = Set(
            held.filter { vehicles.contains($0.vehicleID) }.map {
                Self.identity($0.vehicleID, $0.itemID, $0.id, $0.version)
            })
        var atOffice: Set<String> = []
        for vehicle in vehicles {
            for record in try office.resultRecords(ofVehicle: vehicle) {
                atOffice.insert(Self.identity(vehicle, record.itemID, record.id, record.version))
            }
        }
        let missing = atOffice.subtracting(atHub)
        let extra = atHub.subtracting(atOffice)
        if !missing.isEmpty || !extra.isEmpty {
            breaches.append(
                InvariantBreach(
                    .hubHoldsOnce,
                    "the hub lacks \(missing.count) results of the office (\(missing.sorted().first ?? "-")) and holds "
                        + "\(extra.count) the office lacks (\(extra.sorted().first ?? "-"))"))
        }
        return breaches
    }

    /// The office's board against the board of a new database that imports, as `ecv import` does, every laptop's
    /// bundle the hub took, in the order it took them.
    func breaches(bundles: [Data], laptops: [SeasonParty], office: Store, at now: Date) throws -> [InvariantBreach] {
        let folder = try TemporaryFolder()
        let carried = try Store(path: folder.url.appendingPathComponent("ecv.sqlite").path)
        let actor = ECVStore.Actor(who: "import", laptop: "carried")
        for laptop in laptops {
            try carried.enroll(laptop: laptop.name, publicKey: laptop.key.publicKey, role: .laptop, by: actor, at: now)
        }
        let senders = Set(laptops.map(\.name))
        let importer = BundleImporter(catalog: catalog, store: carried, actor: actor)
        var breaches: [InvariantBreach] = []
        for (index, data) in bundles.enumerated() {
            guard let sender = try? SyncBundle(data: data).laptop, senders.contains(sender) else { continue }
            do {
                _ = try importer.report(data, named: "bundle \(index + 1) taken by the hub", at: now)
            } catch let error as HubSyncError {
                breaches.append(
                    InvariantBreach(.boardFromBundles, "`ecv import` refuses a bundle the hub took: \(error)"))
            }
        }
        let expected = try Self.board(of: carried, catalog)
        let shown = try Self.board(of: office, catalog)
        let differing = expected.keys.filter { expected[$0] != shown[$0] }.sorted()
        if let first = differing.first {
            breaches.append(
                InvariantBreach(
                    .boardFromBundles,
                    "the office's board differs from the imported bundles' for \(differing.count) vehicles: \(first) "
                        + "is \(shown[first] ?? "-") at the office, \(expected[first] ?? "-") from the bundles"))
        }
        return breaches
    }

    private static func identity(_ vehicle: String, _ item: String, _ id: UUID, _ version: Int) -> String {
        "\(vehicle) \(item) \(id.uuidString)#\(version)"
    }

    /// Each vehicle's readiness and failed items.
    private static func board(of store: Store, _ catalog: Catalog) throws -> [String: String] {
        Dictionary(
            try store.board(catalog).map { row in
                (
                    row.vehicle,
                    row.verdict.readiness.rawValue + " "
                        + row.verdict.failed.map(\.itemID).sorted().joined(separator: ",")
                )
            }, uniquingKeysWith: { first, _ in first })
    }
}
