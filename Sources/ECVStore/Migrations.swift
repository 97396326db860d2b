import ECVSync
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
        migrator.registerMigration("v2") { db in
            // Results become a table keyed by (id, version) alone and the audit trail a table keyed by the
            // order of appending: each drops a B-tree per row written, which imports of a hundred thousand
            // results feel. The ids stay UUIDs made by the laptop that wrote them.
            try db.execute(
                sql: """
                    CREATE TABLE result2 (
                        id BLOB NOT NULL, version INTEGER NOT NULL,
                        inspectionID BLOB NOT NULL REFERENCES inspection(id) ON DELETE RESTRICT,
                        itemID TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'na', 'untested')),
                        value DOUBLE, choice TEXT, text TEXT, note TEXT, recordedAt DATETIME NOT NULL,
                        recordedBy TEXT NOT NULL, laptop TEXT NOT NULL,
                        PRIMARY KEY (id, version)
                    ) WITHOUT ROWID;
                    INSERT INTO result2 SELECT id, version, inspectionID, itemID, status, value, choice, text, note,
                        recordedAt, recordedBy, laptop FROM result;
                    DROP TABLE result;
                    ALTER TABLE result2 RENAME TO result;
                    CREATE INDEX result_by_inspection_item ON result(inspectionID, itemID);
                    CREATE TRIGGER result_no_update BEFORE UPDATE ON result
                    BEGIN SELECT RAISE(ABORT, 'results are corrected by new versions, never changed'); END;
                    CREATE TRIGGER result_no_delete BEFORE DELETE ON result
                    BEGIN SELECT RAISE(ABORT, 'results are corrected by new versions, never deleted'); END;

                    CREATE TABLE audit2 (
                        seq INTEGER PRIMARY KEY, id BLOB NOT NULL, at DATETIME NOT NULL, who TEXT NOT NULL,
                        laptop TEXT NOT NULL, entity TEXT NOT NULL, entityID TEXT NOT NULL, vehicleID TEXT,
                        old TEXT, new TEXT NOT NULL
                    );
                    INSERT INTO audit2 (id, at, who, laptop, entity, entityID, vehicleID, old, new)
                        SELECT id, at, who, laptop, entity, entityID, vehicleID, old, new FROM audit ORDER BY rowid;
                    DROP TABLE audit;
                    ALTER TABLE audit2 RENAME TO audit;
                    CREATE INDEX audit_by_vehicle ON audit(vehicleID);
                    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                    """)
            try db.create(table: "latest", options: .withoutRowID) { t in
                t.column("vehicleID", .text).notNull()
                t.column("itemID", .text).notNull()
                t.primaryKey(["vehicleID", "itemID"])
                t.column("status", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("version", .integer).notNull()
                t.column("resultID", .blob).notNull()
            }
            // Each inspected vehicle's verdict as last computed, with a key of the items it was judged
            // against; an empty key means it must be computed again from `latest`. The time of its last
            // result is kept in Unix seconds, which the board reads ten thousand times over.
            try db.create(table: "verdict") { t in
                t.primaryKey("vehicleID", .text)
                t.column("itemsKey", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("lastRecordedAt", .double).notNull()
            }
            try db.execute(
                sql: """
                    INSERT INTO latest (vehicleID, itemID, status, recordedAt, version, resultID)
                    SELECT inspection.vehicleID, result.itemID, result.status, result.recordedAt, result.version,
                           result.id
                    FROM result JOIN inspection ON inspection.id = result.inspectionID
                    WHERE true ORDER BY result.recordedAt, result.version
                    \(Store.latestConflictClause);
                    INSERT INTO verdict (vehicleID, itemsKey, summary, lastRecordedAt)
                    SELECT vehicleID, '', '', \(Store.unixSeconds("MAX(recordedAt)")) FROM latest GROUP BY vehicleID;
                    """)
        }
        migrator.registerMigration("v3") { db in
            // Sync bundles: audit lines remember the bundle they came in with (NULL: written here), so that a
            // laptop exports only its own work; imports find lines and bundles by id.
            try db.alter(table: "audit") { t in t.add(column: "importedFrom", .text) }
            try db.create(index: "audit_by_id", on: "audit", columns: ["id"])
            try db.create(table: "export") { t in
                t.primaryKey("id", .blob)
                t.column("at", .datetime).notNull()
                t.column("lastSeq", .integer).notNull()
                t.column("file", .text).notNull()
                t.column("sha256", .text).notNull()
            }
            try db.create(table: "import") { t in
                t.column("bundleID", .blob).notNull().indexed()
                t.column("at", .datetime).notNull()
                t.column("file", .text).notNull()
                t.column("newRows", .integer).notNull()
            }
        }
        migrator.registerMigration("v4") { db in
            // Photos of items: the bytes live in files named by the photo's id beside the database; the row
            // holds what the file must be (size, SHA-256), so a missing or changed file shows.
            try db.create(table: "photo") { t in
                t.primaryKey("id", .blob)
                t.column("inspectionID", .blob).notNull().references("inspection", onDelete: .restrict)
                t.column("vehicleID", .text).notNull().indexed()
                t.column("itemID", .text).notNull()
                t.column("contentType", .text).notNull()
                t.column("bytes", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("takenAt", .datetime).notNull()
                t.column("takenBy", .text).notNull()
                t.column("laptop", .text).notNull()
            }
        }
        migrator.registerMigration("v5-plan-states") { db in
            // A plan is a draft until the dispatcher publishes it; the publications, in order, are what calendars
            // count their changes over. Before states existed the latest plan was the one teams followed, so it
            // becomes the published one.
            try db.alter(table: "plan") { t in
                t.add(column: "state", .text).notNull().defaults(to: "draft")
                    .check(sql: "state IN ('draft', 'published', 'superseded')")
            }
            try db.execute(sql: "CREATE UNIQUE INDEX plan_one_published ON plan(state) WHERE state = 'published'")
            try db.create(table: "planPublication") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("version", .integer).notNull().references("plan", column: "version", onDelete: .restrict)
                t.column("at", .datetime).notNull()
                t.column("who", .text).notNull()
                t.column("laptop", .text).notNull()
            }
            try db.execute(
                sql: """
                    UPDATE plan SET state = 'published' WHERE version = (SELECT MAX(version) FROM plan);
                    INSERT INTO planPublication (version, at, who, laptop)
                    SELECT version, createdAt, 'ecv', 'migration' FROM plan WHERE state = 'published';
                    """)
        }
        migrator.registerMigration("v6-plan-input-files") { db in
            // Each file a plan was made from, with its SHA-256, so that a laptop can name the files that differ.
            try db.alter(table: "plan") { t in t.add(column: "inputFiles", .text) }
        }
        migrator.registerMigration("enrolled laptops") { db in
            // The laptops whose signed bundles this database accepts, each with its public key.
            try db.create(table: "laptop") { t in
                t.primaryKey("name", .text)
                t.column("publicKey", .blob).notNull().unique()
                t.column("fingerprint", .text).notNull()
                t.column("enrolledAt", .datetime).notNull()
                t.column("enrolledBy", .text).notNull()
            }
        }
        return migrator
    }
}
