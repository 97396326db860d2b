import ECVSync
import Foundation

/// A checked bundle's rows as JSON arrays, the arguments of `ecv_take_push`, which writes them and the receipt in
/// one statement (`HubMigration.pushInOneStatement`).
///
/// The arrays are written before the push takes its turn to write, not while other pushes wait for it; fields are
/// written one by one (`JSONEncoder` took more of a push's time than the checks). A field left out is NULL to
/// `jsonb_to_recordset`.
///
/// Times travel as whole microseconds since 2000-01-01 UTC, computed as PostgresNIO computes them when it binds a
/// `Date`: a row written here equals the row a bound value would have written, to the microsecond.
struct BatchedRows: Sendable {
    /// The bundle's inspections; an inspection the bundle ends (an audit line changed it) carries its end.
    let inspections: String
    /// The results, with the vehicle and client of their inspection.
    let results: String
    /// The audit lines.
    let audit: String
    /// The photos, their bytes in base64.
    let photos: String
    /// The published plan the office's bundle carries; `nil` for none.
    let plan: String?
    /// The teams whose work the bundle holds, for pulls by team.
    let teams: [String]

    /// The rows of `bundle`; `held` are the inspections the hub has that its results name.
    init(_ bundle: SyncBundle, held: [UUID: InspectionRecord]) {
        var places = held
        for inspection in bundle.inspections { places[inspection.id] = inspection }
        let ended = Set(bundle.audit.filter { $0.entity == "inspection" && $0.old != nil }.map(\.entityID))
        inspections = Self.array(
            bundle.inspections.map { inspection in
                var row = JSONObjectWriter()
                row.field("id", inspection.id)
                row.field("vehicle_id", inspection.vehicleID)
                row.field("client_id", inspection.clientID)
                row.field("site_id", inspection.siteID)
                row.field("route_id", inspection.routeID)
                row.field("equipment", inspection.equipment)
                row.field("team_id", inspection.teamID)
                row.field("engineer", inspection.engineer)
                row.field("laptop", inspection.laptop)
                row.field("started_at", literal: Self.microseconds(inspection.startedAt))
                if ended.contains(inspection.id.uuidString), let finished = inspection.finishedAt {
                    row.field("finished_at", literal: Self.microseconds(finished))
                }
                row.field("kind", inspection.kind)
                row.field("checklists", inspection.checklists)
                return row
            })
        results = Self.array(
            bundle.results.map { result in
                var row = JSONObjectWriter()
                row.field("id", result.id)
                row.field("version", literal: String(result.version))
                row.field("inspection_id", result.inspectionID)
                row.field("vehicle_id", places[result.inspectionID]?.vehicleID ?? "")
                row.field("client_id", places[result.inspectionID]?.clientID ?? "")
                row.field("item_id", result.itemID)
                row.field("status", result.status)
                if let value = result.value {
                    // A number JSON cannot write travels as the text PostgreSQL reads as that number.
                    if value.isFinite {
                        row.field("value", literal: "\(value)")
                    } else {
                        row.field("value", value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity")
                    }
                }
                row.field("choice", result.choice)
                row.field("text", result.text)
                row.field("note", result.note)
                row.field("recorded_at", literal: Self.microseconds(result.recordedAt))
                row.field("recorded_by", result.recordedBy)
                row.field("laptop", result.laptop)
                return row
            })
        audit = Self.array(
            bundle.audit.map { line in
                var row = JSONObjectWriter()
                row.field("id", line.id)
                row.field("at", literal: Self.microseconds(line.at))
                row.field("who", line.who)
                row.field("laptop", line.laptop)
                row.field("entity", line.entity)
                row.field("entity_id", line.entityID)
                row.field("vehicle_id", line.vehicleID)
                row.field("old", line.old)
                row.field("new", line.new)
                return row
            })
        photos = Self.array(
            bundle.photos.map { bundled in
                let photo = bundled.photo
                var row = JSONObjectWriter()
                row.field("id", photo.id)
                row.field("inspection_id", photo.inspectionID)
                row.field("vehicle_id", photo.vehicleID)
                row.field("client_id", places[photo.inspectionID]?.clientID ?? "")
                row.field("item_id", photo.itemID)
                row.field("content_type", photo.contentType)
                row.field("bytes", literal: String(photo.bytes))
                row.field("sha256", photo.sha256)
                row.field("taken_at", literal: Self.microseconds(photo.takenAt))
                row.field("taken_by", photo.takenBy)
                row.field("laptop", photo.laptop)
                row.field("data", bundled.data.base64EncodedString())
                return row
            })
        plan = bundle.plan.map { plan in
            var row = JSONObjectWriter()
            row.field("id", plan.id)
            row.field("version", literal: String(plan.version))
            row.field("created_at", literal: Self.microseconds(plan.createdAt))
            row.field("published_at", literal: Self.microseconds(plan.publishedAt))
            row.field("seed", literal: String(plan.seed))
            row.field("json", plan.json)
            row.field("inputs_sha256", plan.inputsSHA256)
            row.field("input_files", plan.inputFiles)
            row.field("from_day", plan.fromDay)
            return row.finished()
        }
        teams = Array(
            Set(bundle.results.compactMap { places[$0.inspectionID]?.teamID } + bundle.inspections.map(\.teamID))
        ).sorted()
    }

    private static let epochDate = Date(timeIntervalSince1970: 946_684_800)

    /// Microseconds since 2000-01-01 UTC, rounded as PostgresNIO rounds them.
    private static func microseconds(_ date: Date) -> String {
        String(Int64((date.timeIntervalSince(epochDate) * 1_000_000).rounded(.toNearestOrEven)))
    }

    private static func array(_ rows: [JSONObjectWriter]) -> String {
        "[" + rows.map { $0.finished() }.joined(separator: ",") + "]"
    }
}
