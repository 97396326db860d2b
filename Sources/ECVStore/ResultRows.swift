import ECVSync
import GRDB

/// Writes result versions: each row of `result`, and the vehicle's `latest` row of its item moved on to it.
///
/// `ecv record`, the web form and imports all write results this way, with the statements prepared once for a
/// whole batch.
struct ResultRows {
    private var insertResult: RowWriter
    private var upsertLatest: RowWriter

    init(_ db: Database) throws {
        insertResult = try RowWriter(
            db,
            sql: """
                INSERT INTO result (id, version, inspectionID, itemID, status, value, choice, text, note, recordedAt,
                recordedBy, laptop) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        upsertLatest = try RowWriter(
            db,
            sql: """
                INSERT INTO latest (vehicleID, itemID, status, recordedAt, version, resultID) VALUES (?, ?, ?, ?, ?, ?)
                \(Store.latestConflictClause)
                """)
    }

    /// Writes `row` of a vehicle's inspection; `recordedAt` is the row's time as the database holds it.
    mutating func write(_ row: ResultRecord, vehicleID: String, recordedAt: DatabaseValue) throws {
        insertResult.bind(row.id)
        insertResult.bind(row.version)
        insertResult.bind(row.inspectionID)
        insertResult.bind(row.itemID)
        insertResult.bind(row.status)
        insertResult.bind(row.value)
        insertResult.bind(row.choice)
        insertResult.bind(row.text)
        insertResult.bind(row.note)
        insertResult.bind(recordedAt)
        insertResult.bind(row.recordedBy)
        insertResult.bind(row.laptop)
        try insertResult.step()
        upsertLatest.bind(vehicleID)
        upsertLatest.bind(row.itemID)
        upsertLatest.bind(row.status)
        upsertLatest.bind(recordedAt)
        upsertLatest.bind(row.version)
        upsertLatest.bind(row.id)
        try upsertLatest.step()
    }
}
