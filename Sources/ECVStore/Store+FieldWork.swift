import ECVModel
import ECVSync
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
    ///
    /// With `closingCompleted`, an inspection that now has a result for every item that applies to its
    /// vehicle is finished in the same transaction (with its audit line), as the end of `ecv inspect` does.
    public func record(
        _ batches: [(placement: Catalog.VehiclePlacement, entries: [ResultEntry])], catalog: Catalog,
        by actor: Actor, at now: Date, closingCompleted: Bool = false, makeID: () -> UUID
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
            if closingCompleted {
                for (placement, _, items) in judged {
                    guard let inspection = opened.removeValue(forKey: placement.vehicle.id) else { continue }
                    try Store.finishIfComplete(inspection, items: items, by: actor, at: stamp, auditID: makeID(), db)
                }
            }
            return recorded
        }
    }
}

extension Store {
    /// Finishes `inspection` when every item in `items` has a result in it.
    static func finishIfComplete(
        _ inspection: InspectionRecord, items: [ChecklistItem], by actor: Actor, at now: TimeStamp, auditID: UUID,
        _ db: Database
    ) throws {
        let answered = try Set(
            String.fetchAll(
                db, sql: "SELECT DISTINCT itemID FROM result WHERE inspectionID = ?", arguments: [inspection.id]))
        guard items.allSatisfy({ answered.contains($0.fullID) }) else { return }
        var finished = inspection
        finished.finishedAt = now.date
        try finished.update(db)
        try AuditRecord(
            id: auditID, at: now.date, who: actor.who, laptop: actor.laptop, entity: "inspection",
            entityID: inspection.id.text, vehicleID: inspection.vehicleID, old: inspection.auditJSON(now),
            new: finished.auditJSON(now)
        ).insert(db)
    }
}
