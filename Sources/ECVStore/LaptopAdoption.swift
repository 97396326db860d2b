import ECVSync
import Foundation
import GRDB

/// Work this database recorded under another laptop name (the machine's, before this laptop had a key),
/// taken over by the laptop's first key so that it can be exported: nothing recorded here is trapped.
public struct LaptopAdoption: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The names the work was recorded under.
    public var from: [String]
    /// The key's name it now carries.
    public var to: String
    /// Inspections taken over.
    public var inspections: Int
    /// Results taken over.
    public var results: Int
    /// Photos taken over.
    public var photos: Int

    /// Whether there was anything to adopt.
    public var isEmpty: Bool { inspections + results + photos == 0 }

    /// `adopted 24 results, 1 inspection and 0 photos recorded as laptop `vm` before it had a key; …`.
    public var description: String {
        let names = from.map { "`\($0)`" }.joined(separator: ", ")
        return "adopted \(LaptopAdoption.count(results, "result")), \(LaptopAdoption.count(inspections, "inspection")) "
            + "and \(LaptopAdoption.count(photos, "photo")) recorded as laptop \(names) before this laptop had a key; "
            + "they are exported as `\(to)`"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The adoption an audit line of entity `adoption` tells, `nil` for another line.
    public init?(auditLine: AuditRecord) {
        guard auditLine.entity == LaptopAdoption.entity,
            let adoption = try? JSONDecoder().decode(LaptopAdoption.self, from: Data(auditLine.new.utf8))
        else { return nil }
        self = adoption
    }

    init(from: [String], to: String, inspections: Int, results: Int, photos: Int) {
        self.from = from
        self.to = to
        self.inspections = inspections
        self.results = results
        self.photos = photos
    }

    /// The audit trail's entity of an adoption line; export sends none of them, as they are this laptop's own.
    static let entity = "adoption"
}

extension Store {
    /// Gives the work this laptop recorded before it had a key — its own rows not yet exported, under any other
    /// laptop name — the key's name `laptop`, in one transaction, and appends an `adoption` line per vehicle.
    ///
    /// Until then export refuses such work (every line of a bundle must be the signer's), so without this it
    /// could never leave. Names that also came in by import belong to other laptops and are left alone.
    /// The rows and lines are rewritten in place — the one exception to an append-only trail, allowed because
    /// nothing of them has left this laptop, and told by the adoption lines.
    public func adoptUnsignedWork(as laptop: String, by who: String, at now: Date, makeID: () -> UUID)
        throws(StoreError) -> LaptopAdoption
    {
        try write { db in
            let since = try Int64.fetchOne(db, sql: "SELECT MAX(lastSeq) FROM export") ?? 0
            let names = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT laptop FROM audit
                    WHERE importedFrom IS NULL AND seq > ? AND entity IN ('inspection', 'result', 'photo')
                      AND laptop != ?
                      AND laptop NOT IN (SELECT DISTINCT laptop FROM audit WHERE importedFrom IS NOT NULL)
                    ORDER BY laptop
                    """, arguments: [since, laptop])
            var adoption = LaptopAdoption(from: names, to: laptop, inspections: 0, results: 0, photos: 0)
            guard !names.isEmpty else { return adoption }
            let vehicles = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT vehicleID FROM audit WHERE importedFrom IS NULL AND vehicleID IS NOT NULL
                      AND laptop IN (SELECT value FROM json_each(?)) ORDER BY vehicleID
                    """, arguments: [Store.jsonArray(names)])
            try Store.withoutAppendOnlyTriggers(db) {
                for name in names {
                    // Audit JSON is written with sorted keys and no spaces, and a quote inside a text is escaped:
                    // `"laptop":"name"` occurs only as the field itself.
                    let old = "\"laptop\":" + JSONText.quote(name)
                    let new = "\"laptop\":" + JSONText.quote(laptop)
                    try db.execute(
                        sql: """
                            UPDATE audit SET laptop = ?, new = replace(new, ?, ?), old = replace(old, ?, ?)
                            WHERE importedFrom IS NULL AND laptop = ? AND entity IN ('inspection', 'result', 'photo')
                            """, arguments: [laptop, old, new, old, new, name])
                    try db.execute(sql: "UPDATE result SET laptop = ? WHERE laptop = ?", arguments: [laptop, name])
                    adoption.results += db.changesCount
                    try db.execute(sql: "UPDATE inspection SET laptop = ? WHERE laptop = ?", arguments: [laptop, name])
                    adoption.inspections += db.changesCount
                    try db.execute(sql: "UPDATE photo SET laptop = ? WHERE laptop = ?", arguments: [laptop, name])
                    adoption.photos += db.changesCount
                }
            }
            let json = try Store.json(adoption)
            for vehicle in vehicles {
                try AuditRecord(
                    id: makeID(), at: now, who: who, laptop: laptop, entity: LaptopAdoption.entity, entityID: laptop,
                    vehicleID: vehicle, old: nil, new: json
                ).insert(db)
            }
            return adoption
        }
    }

    /// Runs `body` with the triggers that keep results and the trail append-only lifted, inside the caller's
    /// transaction: they are made again, as the migrations make them, before it commits.
    private static func withoutAppendOnlyTriggers(_ db: Database, _ body: () throws -> Void) throws {
        try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER result_no_update")
        try body()
        try db.execute(
            sql: """
                CREATE TRIGGER result_no_update BEFORE UPDATE ON result
                BEGIN SELECT RAISE(ABORT, 'results are corrected by new versions, never changed'); END;
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
    }

    /// `["a","b"]`, for `json_each`.
    private static func jsonArray(_ texts: [String]) -> String {
        "[" + texts.map(JSONText.quote).joined(separator: ",") + "]"
    }
}
