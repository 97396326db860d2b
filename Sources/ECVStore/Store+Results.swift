import ECVModel
import Foundation
import GRDB

extension Store {
    /// Records `results` in `inspection` in one transaction: all or nothing.
    ///
    /// A result for an item that already has one in this inspection becomes its next version; each write
    /// adds an audit line.
    public func record(
        _ results: [ItemResult], in inspection: InspectionRecord, by actor: Actor, at now: Date,
        makeID: () -> UUID
    ) throws(StoreError) {
        try write { db in
            for result in results {
                let previous = try ResultRecord.filter(
                    Column("inspectionID") == inspection.id && Column("itemID") == result.itemID
                ).order(Column("version").desc).fetchOne(db)
                let row = ResultRecord(
                    id: previous?.id ?? makeID(), version: (previous?.version ?? 0) + 1, inspectionID: inspection.id,
                    itemID: result.itemID, status: result.status.rawValue, value: result.value, choice: result.choice,
                    text: result.text, note: result.note, recordedAt: now, recordedBy: actor.who, laptop: actor.laptop)
                try row.insert(db)
                try AuditRecord(
                    id: makeID(), at: now, who: actor.who, laptop: actor.laptop, entity: "result",
                    entityID: "\(row.id.uuidString)#\(row.version)", vehicleID: inspection.vehicleID,
                    old: previous.map { Store.json($0) }, new: Store.json(row)
                ).insert(db)
            }
        }
    }

    /// The results of a vehicle over all its inspections, in recording order (latest last), so that the
    /// last one of each item is the one that counts.
    public func results(ofVehicle vehicleID: String) throws(StoreError) -> [ItemResult] {
        try read { db in
            try ResultRecord.fetchAll(
                db,
                sql: """
                    SELECT result.* FROM result JOIN inspection ON inspection.id = result.inspectionID
                    WHERE inspection.vehicleID = ? ORDER BY result.recordedAt, result.version
                    """, arguments: [vehicleID]
            ).map(\.itemResult)
        }
    }

    /// The results recorded in one inspection, latest version of each item, in recording order.
    public func results(in inspection: InspectionRecord) throws(StoreError) -> [ItemResult] {
        try read { db in
            try ResultRecord.filter(Column("inspectionID") == inspection.id)
                .order(Column("recordedAt"), Column("version")).fetchAll(db).map(\.itemResult)
        }
    }

    /// The audit trail of a vehicle, oldest first.
    public func audit(ofVehicle vehicleID: String) throws(StoreError) -> [AuditRecord] {
        try read { db in
            // Row ids keep the order in which lines were appended, also within one millisecond.
            try AuditRecord.filter(Column("vehicleID") == vehicleID).order(Column.rowID).fetchAll(db)
        }
    }
}

extension ResultRecord {
    /// The domain value of this row.
    public var itemResult: ItemResult {
        ItemResult(
            itemID: itemID, status: ItemResult.Status(rawValue: status) ?? .untested, value: value, choice: choice,
            text: text, note: note)
    }
}
