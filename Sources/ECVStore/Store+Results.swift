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
        let stamp = TimeStamp(now)
        try write { db in try Store.insert(results, in: inspection, by: actor, at: stamp, makeID: makeID, db) }
    }

    /// Inserts results as new rows or next versions, each with its audit line, inside the caller's
    /// transaction; prepared statements are reused, since batches run to a hundred thousand rows.
    static func insert(
        _ results: [ItemResult], in inspection: InspectionRecord, by actor: Actor, at now: TimeStamp,
        makeID: () -> UUID, _ db: Database
    ) throws {
        let latest = try db.cachedStatement(
            sql: "SELECT * FROM result WHERE inspectionID = ? AND itemID = ? ORDER BY version DESC LIMIT 1")
        let insertResult = try db.cachedStatement(
            sql: """
                INSERT INTO result (id, version, inspectionID, itemID, status, value, choice, text, note, recordedAt,
                recordedBy, laptop) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertAudit = try db.cachedStatement(
            sql: """
                INSERT INTO audit (id, at, who, laptop, entity, entityID, vehicleID, old, new)
                VALUES (?, ?, ?, ?, 'result', ?, ?, ?, ?)
                """)
        for result in results {
            let previous = try ResultRecord.fetchOne(latest, arguments: [inspection.id, result.itemID])
            let row = ResultRecord(
                id: previous?.id ?? makeID(), version: (previous?.version ?? 0) + 1, inspectionID: inspection.id,
                itemID: result.itemID, status: result.status.rawValue, value: result.value, choice: result.choice,
                text: result.text, note: result.note, recordedAt: now.date, recordedBy: actor.who, laptop: actor.laptop)
            try insertResult.execute(arguments: [
                row.id, row.version, row.inspectionID, row.itemID, row.status, row.value, row.choice, row.text,
                row.note, now.databaseValue, row.recordedBy, row.laptop,
            ])
            try insertAudit.execute(arguments: [
                makeID(), now.databaseValue, actor.who, actor.laptop, "\(row.id.uuidString)#\(row.version)",
                inspection.vehicleID, previous.map { $0.auditJSON(now.format($0.recordedAt)) }, row.auditJSON(now.text),
            ])
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
    /// The row as the audit trail's JSON (sorted keys), written by hand: batches write one per result.
    func auditJSON(_ recorded: String) -> String {
        var fields = [
            "\"id\":\(JSONText.quote(id.uuidString))", "\"inspectionID\":\(JSONText.quote(inspectionID.uuidString))",
            "\"itemID\":\(JSONText.quote(itemID))", "\"laptop\":\(JSONText.quote(laptop))",
            "\"recordedAt\":\(JSONText.quote(recorded))", "\"recordedBy\":\(JSONText.quote(recordedBy))",
            "\"status\":\(JSONText.quote(status))", "\"version\":\(version)",
        ]
        if let value, value.isFinite { fields.append("\"value\":\(Limits.format(value))") }
        if let choice { fields.append("\"choice\":\(JSONText.quote(choice))") }
        if let text { fields.append("\"text\":\(JSONText.quote(text))") }
        if let note { fields.append("\"note\":\(JSONText.quote(note))") }
        return "{" + fields.sorted().joined(separator: ",") + "}"
    }

    /// The domain value of this row.
    public var itemResult: ItemResult {
        ItemResult(
            itemID: itemID, status: ItemResult.Status(rawValue: status) ?? .untested, value: value, choice: choice,
            text: text, note: note)
    }
}

extension Store {
    /// Records many inspections' results in one transaction: all or nothing, for batch imports.
    public func record(
        batches: [(InspectionRecord, [ItemResult])], by actor: Actor, at now: Date, makeID: () -> UUID
    ) throws(StoreError) {
        let stamp = TimeStamp(now)
        try write { db in
            for (inspection, results) in batches {
                try Store.insert(results, in: inspection, by: actor, at: stamp, makeID: makeID, db)
            }
        }
    }
}

/// JSON string literals, escaped as RFC 8259 requires.
enum JSONText {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                out += String(format: "\\u%04x", control.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
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
