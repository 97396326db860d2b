import ECVModel
import ECVSync
import Foundation
import GRDB

extension Store {
    /// Records a batch of entries for one vehicle, all or nothing: every entry is judged against the items
    /// that apply to the vehicle first; only when all are good are they written, as `InspectionLifecycle`
    /// says: into the vehicle's open inspection or one they open, which closes once complete.
    public func record(
        _ entries: [ResultEntry], for placement: Catalog.VehiclePlacement, catalog: Catalog, by actor: Actor,
        at now: Date, seasonStart: Date? = nil, makeID: () -> UUID
    ) throws -> (inspection: InspectionRecord, results: [ItemResult]) {
        let recorded = try record(
            [(placement, entries)], catalog: catalog, by: actor, at: now, seasonStart: seasonStart, makeID: makeID)
        return recorded[0]
    }

    /// Records entries for many vehicles in one transaction, all or nothing: every entry of every vehicle
    /// is judged first, and every bad one reported; only when all are good is anything written, each
    /// vehicle's results as `InspectionLifecycle` says.
    public func record(
        _ batches: [(placement: Catalog.VehiclePlacement, entries: [ResultEntry])], catalog: Catalog,
        by actor: Actor, at now: Date, seasonStart: Date? = nil, makeID: () -> UUID
    ) throws -> [(inspection: InspectionRecord, results: [ItemResult])] {
        try recordRows(batches, catalog: catalog, by: actor, at: now, seasonStart: seasonStart, makeID: makeID)
            .map { ($0.inspection, $0.results) }
    }

    /// Records one answer, as the web form sends it, and returns the row it committed: its version, status and
    /// value are what this answer saved, whatever other answers to the item were saved at the same time.
    public func recordAnswer(
        _ entry: ResultEntry, for placement: Catalog.VehiclePlacement, catalog: Catalog, by actor: Actor,
        at now: Date, seasonStart: Date? = nil, makeID: () -> UUID
    ) throws -> ResultRecord {
        let recorded = try recordRows(
            [(placement, [entry])], catalog: catalog, by: actor, at: now, seasonStart: seasonStart, makeID: makeID)
        guard let row = recorded.first?.rows.first else { throw StoreError.refused("nothing was recorded") }
        return row
    }

    private func recordRows(
        _ batches: [(placement: Catalog.VehiclePlacement, entries: [ResultEntry])], catalog: Catalog,
        by actor: Actor, at now: Date, seasonStart: Date?, makeID: () -> UUID
    ) throws -> [(inspection: InspectionRecord, results: [ItemResult], rows: [ResultRecord])] {
        var judged: [(placement: Catalog.VehiclePlacement, results: [ItemResult], items: [ChecklistItem])] = []
        var problems: [String] = []
        for (placement, entries) in batches {
            let items = catalog.items(applyingTo: placement.vehicle)
            switch ResultEntry.results(entries, items: items) {
            case .success(let results): judged.append((placement, results, items))
            case .failure(let errors): problems += errors.messages
            }
        }
        guard problems.isEmpty else { throw EntryErrors(messages: problems) }
        let written = try record(
            judged, checklists: ChecklistFingerprints(catalog.checklists), by: actor, at: now,
            seasonStart: seasonStart, makeID: makeID)
        return zip(written, judged).map { ($0.inspection, $1.results, $0.rows) }
    }

    /// Records results already judged against `items` (the items that apply to the vehicle), as
    /// `InspectionLifecycle` says; returns the inspection they went into, closed when they completed it.
    ///
    /// `seasonStart`, the published plan's first departure, tells this season's failures from the previous one's.
    public func record(
        _ results: [ItemResult], for placement: Catalog.VehiclePlacement, items: [ChecklistItem],
        checklists: ChecklistFingerprints, by actor: Actor, at now: Date, seasonStart: Date? = nil,
        makeID: () -> UUID
    ) throws(StoreError) -> InspectionRecord {
        let recorded = try record(
            [(placement, results, items)], checklists: checklists, by: actor, at: now, seasonStart: seasonStart,
            makeID: makeID)
        return recorded[0].inspection
    }

    /// Writes judged results of many vehicles in one transaction: each vehicle's into its open inspection or
    /// one they open, its verdict computed again, and each inspection closed once complete; returns each
    /// batch's inspection and the rows it wrote.
    private func record(
        _ judged: [(placement: Catalog.VehiclePlacement, results: [ItemResult], items: [ChecklistItem])],
        checklists: ChecklistFingerprints, by actor: Actor, at now: Date, seasonStart: Date?, makeID: () -> UUID
    ) throws(StoreError) -> [(inspection: InspectionRecord, rows: [ResultRecord])] {
        // Nothing is saved that could not be sent on.
        try Store.checkTravels(judged.flatMap(\.results), at: now)
        let stamp = TimeStamp(now)
        return try write { db in
            var recorded: [(inspection: InspectionRecord, rows: [ResultRecord])] = []
            var opened: [String: InspectionRecord] = [:]
            // Vehicles with the same equipment are judged against the same items: one key for them all.
            var keys: [[String]: String] = [:]
            for (placement, results, items) in judged {
                let vehicle = placement.vehicle.id
                let inspection =
                    try opened[vehicle]
                    ?? InspectionLifecycle.inspection(
                        for: placement, items: items, seasonStart: seasonStart, checklists: checklists, by: actor,
                        at: stamp, makeID: makeID, db)
                opened[vehicle] = inspection
                let rows = try Store.insert(results, in: inspection, by: actor, at: stamp, makeID: makeID, db)
                let key = keys[placement.vehicle.equipment] ?? VerdictKey.of(items)
                keys[placement.vehicle.equipment] = key
                try Store.refreshVerdict(of: vehicle, items: items, key: key, db)
                recorded.append((inspection, rows))
            }
            // Closed once all of a vehicle's batches are in: two batches of one vehicle share its inspection.
            var closed: [UUID: InspectionRecord] = [:]
            for (placement, _, items) in judged {
                guard let inspection = opened.removeValue(forKey: placement.vehicle.id) else { continue }
                closed[inspection.id] = try InspectionLifecycle.closeIfComplete(
                    inspection, items: items, seasonStart: seasonStart, by: actor, at: stamp, auditID: makeID(), db)
            }
            return recorded.map { (closed[$0.inspection.id] ?? $0.inspection, $0.rows) }
        }
    }
}
