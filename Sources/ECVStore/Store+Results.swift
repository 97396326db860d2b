import ECVModel
import ECVSync
import Foundation
import GRDB

extension Store {
    /// Records `results` in `inspection` in one transaction: all or nothing.
    ///
    /// A result for an item that already has one in this inspection becomes its next version; each write
    /// adds an audit line. `items` are the items that apply to the vehicle, against which its verdict is
    /// computed again in the same transaction (without them, at the next reading).
    public func record(
        _ results: [ItemResult], in inspection: InspectionRecord, items: [ChecklistItem]?, by actor: Actor,
        at now: Date, makeID: () -> UUID
    ) throws(StoreError) {
        let stamp = TimeStamp(now)
        try write { db in
            try Store.insert(results, in: inspection, by: actor, at: stamp, makeID: makeID, db)
            try Store.refreshVerdict(of: inspection.vehicleID, items: items, db)
        }
    }

    /// Inserts results as new rows or next versions, each with its audit line, and moves the vehicle's
    /// latest results on, inside the caller's transaction; prepared statements are reused, since batches
    /// run to a hundred thousand rows.
    static func insert(
        _ results: [ItemResult], in inspection: InspectionRecord, by actor: Actor, at now: TimeStamp,
        makeID: () -> UUID, _ db: Database
    ) throws {
        // One query for the inspection's earlier results instead of one per result.
        var previous: [String: ResultRecord] = [:]
        for row in try ResultRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM result WHERE inspectionID = ? ORDER BY version"),
            arguments: [inspection.id])
        {
            previous[row.itemID] = row
        }
        var rows = try ResultRows(db)
        var insertAudit = try RowWriter(
            db,
            sql: """
                INSERT INTO audit (id, at, who, laptop, entity, entityID, vehicleID, old, new)
                VALUES (?, ?, ?, ?, 'result', ?, ?, ?, ?)
                """)
        for result in results {
            let earlier = previous[result.itemID]
            let version = earlier?.version ?? 0
            // A database may hold any version a bundle once brought; the next one must still be in range.
            guard version < ResultRecord.maximumVersion else { throw StoreError.lastVersion(item: result.itemID) }
            let row = ResultRecord(
                id: earlier?.id ?? makeID(), version: max(version, 0) + 1, inspectionID: inspection.id,
                itemID: result.itemID, status: result.status.rawValue, value: result.value, choice: result.choice,
                text: result.text, note: result.note, recordedAt: now.date, recordedBy: actor.who, laptop: actor.laptop)
            previous[result.itemID] = row
            try rows.write(row, vehicleID: inspection.vehicleID, recordedAt: now.databaseValue)
            insertAudit.bind(makeID())
            insertAudit.bind(now.databaseValue)
            insertAudit.bind(actor.who)
            insertAudit.bind(actor.laptop)
            insertAudit.bind(row.id.text + "#" + String(row.version))
            insertAudit.bind(inspection.vehicleID)
            insertAudit.bind(earlier.map { $0.auditJSON(now.format($0.recordedAt)) })
            insertAudit.bind(row.auditJSON(now.text))
            try insertAudit.step()
        }
    }

    /// The results of a vehicle over all its inspections, in recording order (latest last), so that the
    /// last one of each item is the one that counts.
    public func results(ofVehicle vehicleID: String) throws(StoreError) -> [ItemResult] {
        try resultRecords(ofVehicle: vehicleID).map(\.itemResult)
    }

    /// As `results(ofVehicle:)`, the rows with when and by whom each was recorded.
    public func resultRecords(ofVehicle vehicleID: String) throws(StoreError) -> [ResultRecord] {
        try read { db in
            try ResultRecord.fetchAll(
                db,
                sql: """
                    SELECT result.* FROM result JOIN inspection ON inspection.id = result.inspectionID
                    WHERE inspection.vehicleID = ? ORDER BY result.recordedAt, result.version
                    """, arguments: [vehicleID]
            )
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

extension Store {
    /// Records many inspections' results in one transaction: all or nothing, for batch imports.
    ///
    /// Each batch may carry the items that apply to its vehicle, for its verdict.
    public func record(
        batches: [(inspection: InspectionRecord, results: [ItemResult], items: [ChecklistItem]?)], by actor: Actor,
        at now: Date, makeID: () -> UUID
    ) throws(StoreError) {
        let stamp = TimeStamp(now)
        try write { db in
            for batch in batches {
                try Store.insert(batch.results, in: batch.inspection, by: actor, at: stamp, makeID: makeID, db)
                try Store.refreshVerdict(of: batch.inspection.vehicleID, items: batch.items, db)
            }
        }
    }
}

/// One moment formatted once for a whole batch: date formatters are slow to make and to run on Linux.
struct TimeStamp {
    let date: Date
    let databaseValue: DatabaseValue
    let text: String
    private let formatter = ISO8601DateFormatter()

    init(_ date: Date) {
        self.date = date
        databaseValue = date.databaseValue
        text = formatter.string(from: date)
    }

    /// Another moment in the same format.
    func format(_ other: Date) -> String {
        other == date ? text : formatter.string(from: other)
    }
}
