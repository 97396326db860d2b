import ECVSync
import Foundation
import GRDB

extension Store {
    /// What this laptop recorded since its last export.
    ///
    /// The inspections and results its own audit lines name, and those lines; lines that came in by import
    /// are not sent on. `lastSeq` is the trail position
    /// the bundle reaches, for `markExported`.
    public func bundleSinceLastExport(laptop: String, at now: Date, id: UUID) throws(StoreError) -> (
        bundle: SyncBundle, lastSeq: Int64
    ) {
        try read { db in
            let since = try Int64.fetchOne(db, sql: "SELECT MAX(lastSeq) FROM export") ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, id, at, who, laptop, entity, entityID, vehicleID, old, new FROM audit
                    WHERE importedFrom IS NULL AND seq > ? AND entity IN ('inspection', 'result', 'photo') ORDER BY seq
                    """, arguments: [since])
            var lines: [AuditRecord] = []
            var photos: [BundledPhoto] = []
            var results: [ResultRecord] = []
            var inspectionIDs: [UUID] = []
            var seen: Set<UUID> = []
            for row in rows {
                let line = AuditRecord(
                    id: row["id"], at: row["at"], who: row["who"], laptop: row["laptop"], entity: row["entity"],
                    entityID: row["entityID"], vehicleID: row["vehicleID"], old: row["old"], new: row["new"])
                guard line.laptop == laptop else {
                    throw StoreError.refused(
                        "the work to export was recorded as laptop `\(line.laptop)`, but this laptop's key is `\(laptop)`"
                    )
                }
                lines.append(line)
                var inspection: UUID?
                if line.entity == "result" {
                    let parts = line.entityID.split(separator: "#")
                    guard parts.count == 2, let resultID = UUID(uuidString: String(parts[0])),
                        let version = Int(parts[1]),
                        let result = try ResultRecord.fetchOne(db, key: ["id": resultID, "version": version])
                    else { continue }
                    results.append(result)
                    inspection = result.inspectionID
                } else if line.entity == "photo" {
                    guard let id = UUID(uuidString: line.entityID), let photo = try PhotoRecord.fetchOne(db, key: id)
                    else { continue }
                    let file = photoFolder.appendingPathComponent(photo.fileName)
                    guard let data = FileManager.default.contents(atPath: file.path),
                        data.sha256Hex == photo.sha256
                    else {
                        throw StoreError.database(
                            "photo file \(file.path) is missing or changed; it cannot be exported")
                    }
                    photos.append(BundledPhoto(photo: photo, data: data))
                    inspection = photo.inspectionID
                } else {
                    inspection = UUID(uuidString: line.entityID)
                }
                if let inspection, seen.insert(inspection).inserted { inspectionIDs.append(inspection) }
            }
            let inspections = try InspectionRecord.fetchAll(db, keys: inspectionIDs)
            // Each of this laptop's inspections travels with the line that started it, even when an earlier
            // bundle carried it already: bundles may arrive in any order, and no inspection arrives unaudited.
            let carried = Set(lines.map(\.id))
            var starts: [AuditRecord] = []
            for inspection in inspections where inspection.laptop == laptop {
                guard
                    let start = try AuditRecord.fetchOne(
                        db,
                        sql: """
                            SELECT id, at, who, laptop, entity, entityID, vehicleID, old, new FROM audit
                            WHERE entity = 'inspection' AND entityID = ? AND old IS NULL AND importedFrom IS NULL
                            """, arguments: [inspection.id.text]),
                    !carried.contains(start.id)
                else { continue }
                starts.append(start)
            }
            lines.insert(contentsOf: starts, at: 0)
            let bundle = SyncBundle(
                id: id, laptop: laptop, created: now, inspections: inspections, results: results, audit: lines,
                photos: photos, plan: try bundledPlan(db))
            return (bundle, rows.last.map { $0["seq"] } ?? since)
        }
    }

    /// Records that a bundle reaching trail position `lastSeq` was written to `file`: the next export
    /// starts after it.
    public func markExported(_ bundle: SyncBundle, lastSeq: Int64, file: String, sha256: String) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO export (id, at, lastSeq, file, sha256) VALUES (?, ?, ?, ?, ?)",
                arguments: [bundle.id, bundle.created, lastSeq, file, sha256])
        }
    }
}
