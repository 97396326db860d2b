import ECVSync
import Foundation
import Logging
import PostgresNIO

/// A bundle's results and audit lines written with one statement each rather than one per row.
///
/// The rows travel as one JSON array and `jsonb_to_recordset` spreads them into columns. Pushes are stored one at a
/// time, so each round trip saved is time every other laptop waits less.
///
/// Times travel as whole microseconds since 2000-01-01 UTC, computed as PostgresNIO computes them when it binds a
/// `Date`: a row written here equals the row a bound value would have written, to the microsecond.
enum BatchedRows {
    /// Inserts the results the hub does not have yet; returns how many were new, already here with the same values,
    /// and already here with other values (conflicts).
    static func insertResults(
        _ results: [ResultRecord], places: [UUID: InspectionRecord], receipt: Int64, on connection: PostgresConnection,
        _ logger: Logger
    ) async throws -> (new: Int, alreadyHere: Int, conflicts: Int) {
        guard !results.isEmpty else { return (0, 0, 0) }
        let rows = results.map { result in
            ResultRow(
                id: result.id, version: result.version, inspectionID: result.inspectionID,
                vehicleID: places[result.inspectionID]?.vehicleID ?? "",
                clientID: places[result.inspectionID]?.clientID ?? "", itemID: result.itemID, status: result.status,
                value: result.value, choice: result.choice, text: result.text, note: result.note,
                recordedAt: microseconds(result.recordedAt), recordedBy: result.recordedBy, laptop: result.laptop)
        }
        let json = try encoded(rows)
        let inserted = try await connection.query(
            """
            INSERT INTO result (id, version, inspection_id, vehicle_id, client_id, item_id, status, value, choice, text,
                note, recorded_at, recorded_by, laptop, receipt)
            SELECT r.id, r.version, r.inspection_id, r.vehicle_id, r.client_id, r.item_id, r.status, r.value, r.choice,
                r.text, r.note, \(unescaped: epoch) + r.recorded_at * interval '1 microsecond', r.recorded_by, r.laptop,
                \(receipt)
            FROM jsonb_to_recordset(\(json)::jsonb) AS r(\(unescaped: ResultRow.columns))
            ON CONFLICT (id, version) DO NOTHING RETURNING id
            """, logger: logger
        ).collect().count
        guard inserted < results.count else { return (inserted, 0, 0) }
        // Rows not inserted were here before this push: the same answer, or a conflicting one.
        let same =
            try await connection.query(
                """
                SELECT count(*) FROM result x
                JOIN jsonb_to_recordset(\(json)::jsonb) AS r(\(unescaped: ResultRow.columns))
                  ON x.id = r.id AND x.version = r.version
                WHERE x.receipt <> \(receipt) AND x.status = r.status AND x.value IS NOT DISTINCT FROM r.value
                  AND x.choice IS NOT DISTINCT FROM r.choice AND x.text IS NOT DISTINCT FROM r.text
                """, logger: logger
            ).collect().first?.decode(Int.self) ?? 0
        return (inserted, same, results.count - inserted - same)
    }

    /// Inserts the audit lines the hub does not have yet; returns how many were new.
    static func insertAudit(
        _ lines: [AuditRecord], receipt: Int64, on connection: PostgresConnection, _ logger: Logger
    ) async throws -> Int {
        guard !lines.isEmpty else { return 0 }
        let json = try encoded(
            lines.map { line in
                AuditRow(
                    id: line.id, at: microseconds(line.at), who: line.who, laptop: line.laptop, entity: line.entity,
                    entityID: line.entityID, vehicleID: line.vehicleID, old: line.old, new: line.new)
            })
        return try await connection.query(
            """
            INSERT INTO audit (id, at, who, laptop, entity, entity_id, vehicle_id, old, new, receipt)
            SELECT a.id, \(unescaped: epoch) + a.at * interval '1 microsecond', a.who, a.laptop, a.entity, a.entity_id,
                a.vehicle_id, a.old, a.new, \(receipt)
            FROM jsonb_to_recordset(\(json)::jsonb) AS a(\(unescaped: AuditRow.columns))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger
        ).collect().count
    }

    /// PostgreSQL's own epoch, from which PostgresNIO counts the microseconds of a bound `Date`.
    private static let epoch = "timestamptz '2000-01-01 00:00:00+00'"
    private static let epochDate = Date(timeIntervalSince1970: 946_684_800)

    /// Microseconds since 2000-01-01 UTC, rounded as PostgresNIO rounds them.
    private static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince(epochDate) * 1_000_000).rounded(.toNearestOrEven))
    }

    private static func encoded(_ rows: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }

    private struct ResultRow: Encodable {
        static let columns = """
            id uuid, version integer, inspection_id uuid, vehicle_id text, client_id text, item_id text, status text,
            value double precision, choice text, text text, note text, recorded_at bigint, recorded_by text, laptop text
            """
        var id: UUID
        var version: Int
        var inspectionID: UUID
        var vehicleID: String
        var clientID: String
        var itemID: String
        var status: String
        var value: Double?
        var choice: String?
        var text: String?
        var note: String?
        var recordedAt: Int64
        var recordedBy: String
        var laptop: String

        enum CodingKeys: String, CodingKey {
            case id, version, status, value, choice, text, note, laptop
            case inspectionID = "inspection_id"
            case vehicleID = "vehicle_id"
            case clientID = "client_id"
            case itemID = "item_id"
            case recordedAt = "recorded_at"
            case recordedBy = "recorded_by"
        }
    }

    private struct AuditRow: Encodable {
        static let columns = """
            id uuid, at bigint, who text, laptop text, entity text, entity_id text, vehicle_id text, old text, new text
            """
        var id: UUID
        var at: Int64
        var who: String
        var laptop: String
        var entity: String
        var entityID: String
        var vehicleID: String?
        var old: String?
        var new: String

        enum CodingKeys: String, CodingKey {
            case id, at, who, laptop, entity, old, new
            case entityID = "entity_id"
            case vehicleID = "vehicle_id"
        }
    }
}
