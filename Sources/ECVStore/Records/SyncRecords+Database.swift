import ECVSync
import GRDB

// The records a bundle carries are rows of these tables: ECVSync knows them as values, the store as rows.

extension InspectionRecord: FetchableRecord, PersistableRecord {
    /// The table of inspections.
    public static let databaseTableName = "inspection"
}

extension ResultRecord: FetchableRecord, PersistableRecord {
    /// The table of result versions.
    public static let databaseTableName = "result"
}

extension AuditRecord: FetchableRecord, PersistableRecord {
    /// The append-only audit trail.
    public static let databaseTableName = "audit"
}

extension PhotoRecord: FetchableRecord, PersistableRecord {
    /// The table of photos; their bytes are files in the photo folder.
    public static let databaseTableName = "photo"
}
