import ECVModel
import Foundation
import GRDB

extension Store {
    /// Records a batch of entries for one vehicle, all or nothing: every entry is judged against the items
    /// that apply to the vehicle first; only when all are good are they written, into the vehicle's open
    /// inspection or a new one.
    public func record(
        _ entries: [ResultEntry], for placement: Catalog.VehiclePlacement, catalog: Catalog, by actor: Actor,
        at now: Date, makeID: () -> UUID
    ) throws -> (inspection: InspectionRecord, results: [ItemResult]) {
        let recorded = try record([(placement, entries)], catalog: catalog, by: actor, at: now, makeID: makeID)
        return recorded[0]
    }

    /// Records entries for many vehicles in one transaction, all or nothing: every entry of every vehicle
    /// is judged first, and every bad one reported; only when all are good is anything written, each
    /// vehicle's results into its open inspection or a new one.
    public func record(
        _ batches: [(placement: Catalog.VehiclePlacement, entries: [ResultEntry])], catalog: Catalog,
        by actor: Actor, at now: Date, makeID: () -> UUID
    ) throws -> [(inspection: InspectionRecord, results: [ItemResult])] {
        var judged: [(Catalog.VehiclePlacement, [ItemResult], [ChecklistItem])] = []
        var problems: [String] = []
        for (placement, entries) in batches {
            let items = catalog.items(applyingTo: placement.vehicle)
            switch ResultEntry.results(entries, items: items) {
            case .success(let results): judged.append((placement, results, items))
            case .failure(let errors): problems += errors.messages
            }
        }
        guard problems.isEmpty else { throw EntryErrors(messages: problems) }
        let fingerprints = ChecklistFingerprints(catalog.checklists)
        let stamp = TimeStamp(now)
        return try write { db in
            var recorded: [(inspection: InspectionRecord, results: [ItemResult])] = []
            var opened: [String: InspectionRecord] = [:]
            // Vehicles with the same equipment are judged against the same items: one key for them all.
            var keys: [[String]: String] = [:]
            for (placement, results, items) in judged {
                let vehicle = placement.vehicle.id
                let inspection =
                    try opened[vehicle] ?? Store.openInspection(ofVehicle: vehicle, db)
                    ?? Store.insertInspection(
                        of: placement, team: placement.route.teamID, checklists: fingerprints, kind: "full",
                        by: actor, at: stamp, id: makeID(), db)
                opened[vehicle] = inspection
                try Store.insert(results, in: inspection, by: actor, at: stamp, makeID: makeID, db)
                let key = keys[placement.vehicle.equipment] ?? VerdictKey.of(items)
                keys[placement.vehicle.equipment] = key
                try Store.refreshVerdict(of: vehicle, items: items, key: key, db)
                recorded.append((inspection, results))
            }
            return recorded
        }
    }
}
