import GRDB

/// The schema, one numbered migration per change; a database of any earlier state is brought up to date.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "plan") { t in
                t.primaryKey("id", .text)
                t.column("version", .integer).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("seed", .integer).notNull()
                t.column("json", .text).notNull()
                t.column("inputsSHA256", .text).notNull()
                t.column("fromDay", .text)
            }
            try db.create(table: "inspection") { t in
                t.primaryKey("id", .text)
                t.column("vehicleID", .text).notNull().indexed()
                t.column("clientID", .text).notNull()
                t.column("siteID", .text).notNull()
                t.column("routeID", .text).notNull()
                t.column("equipment", .text).notNull()
                t.column("teamID", .text).notNull()
                t.column("engineer", .text).notNull()
                t.column("laptop", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
                t.column("kind", .text).notNull()
                t.column("checklists", .text).notNull()
            }
            try db.create(table: "result") { t in
                t.column("id", .text).notNull()
                t.column("version", .integer).notNull()
                t.primaryKey(["id", "version"])
                t.column("inspectionID", .text).notNull().references("inspection", onDelete: .restrict)
                t.column("itemID", .text).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('pass', 'fail', 'na', 'untested')")
                t.column("value", .double)
                t.column("choice", .text)
                t.column("text", .text)
                t.column("note", .text)
                t.column("recordedAt", .datetime).notNull()
                t.column("recordedBy", .text).notNull()
                t.column("laptop", .text).notNull()
            }
            try db.create(index: "result_by_inspection_item", on: "result", columns: ["inspectionID", "itemID"])
            try db.create(table: "audit") { t in
                t.primaryKey("id", .text)
                t.column("at", .datetime).notNull()
                t.column("who", .text).notNull()
                t.column("laptop", .text).notNull()
                t.column("entity", .text).notNull()
                t.column("entityID", .text).notNull()
                t.column("vehicleID", .text).indexed()
                t.column("old", .text)
                t.column("new", .text).notNull()
            }
            // The trail is append-only: the database itself refuses changes and deletions.
            try db.execute(
                sql: """
                    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                    CREATE TRIGGER result_no_update BEFORE UPDATE ON result
                    BEGIN SELECT RAISE(ABORT, 'results are corrected by new versions, never changed'); END;
                    """)
        }
        return migrator
    }
}
