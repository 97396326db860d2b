import ECVHubClient
import ECVSync
import Foundation
import PostgresNIO

extension HubDatabase {
    /// Writes a checked bundle's rows and its receipt in one transaction; rows the hub has already are skipped.
    func store(
        _ bundle: SyncBundle, bytes: Data, sha256: String, held: [UUID: InspectionRecord], sender: EnrolledKey,
        at now: Date
    ) async throws(HubError) -> Receipt {
        var places = held
        for inspection in bundle.inspections { places[inspection.id] = inspection }
        let placesOfRows = places
        return try await transaction(writing: true) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(HubDatabase.pushLock))", logger: logger)
            // The same bytes may have been taken while this push waited for the lock.
            if let row = try await connection.query(
                "SELECT new_rows, already_here, conflicts FROM receipt WHERE sha256 = \(sha256)", logger: logger
            ).collect().first {
                let (new, known, conflicts) = try row.decode((Int, Int, Int).self)
                return Receipt(sha256: sha256, new: new, alreadyHere: known, conflicts: conflicts)
            }
            let seq =
                try await connection.query(
                    "SELECT nextval(pg_get_serial_sequence('receipt', 'seq'))", logger: logger
                ).collect().first?.decode(Int64.self) ?? 0
            var counts = RowCounts()
            let ended = Set(bundle.audit.filter { $0.entity == "inspection" && $0.old != nil }.map(\.entityID))
            for inspection in bundle.inspections {
                let finished = ended.contains(inspection.id.uuidString) ? inspection.finishedAt : nil
                let inserted = try await connection.query(
                    """
                    INSERT INTO inspection (id, vehicle_id, client_id, site_id, route_id, equipment, team_id, engineer,
                        laptop, started_at, finished_at, kind, checklists, receipt)
                    VALUES (\(inspection.id), \(inspection.vehicleID), \(inspection.clientID), \(inspection.siteID),
                        \(inspection.routeID), \(inspection.equipment), \(inspection.teamID), \(inspection.engineer),
                        \(inspection.laptop), \(inspection.startedAt), \(finished), \(inspection.kind),
                        \(inspection.checklists), \(seq))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """, logger: logger
                ).collect()
                if !inserted.isEmpty {
                    counts.new += 1
                } else if let finished {
                    try await connection.query(
                        "UPDATE inspection SET finished_at = \(finished) WHERE id = \(inspection.id) AND finished_at IS NULL",
                        logger: logger)
                }
            }
            let results = try await BatchedRows.insertResults(
                bundle.results, places: placesOfRows, receipt: seq, on: connection, logger)
            counts.new += results.new
            counts.alreadyHere += results.alreadyHere
            counts.conflicts += results.conflicts
            counts.new += try await BatchedRows.insertAudit(bundle.audit, receipt: seq, on: connection, logger)
            for bundled in bundle.photos {
                let photo = bundled.photo
                let client = placesOfRows[photo.inspectionID]?.clientID ?? ""
                let inserted = try await connection.query(
                    """
                    INSERT INTO photo (id, inspection_id, vehicle_id, client_id, item_id, content_type, bytes, sha256,
                        taken_at, taken_by, laptop, data, receipt)
                    VALUES (\(photo.id), \(photo.inspectionID), \(photo.vehicleID), \(client), \(photo.itemID),
                        \(photo.contentType), \(photo.bytes), \(photo.sha256), \(photo.takenAt), \(photo.takenBy),
                        \(photo.laptop), \(bundled.data), \(seq))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """, logger: logger
                ).collect()
                counts.new += inserted.count
            }
            if let plan = bundle.plan {
                try await connection.query(
                    """
                    INSERT INTO published_plan (id, version, created_at, published_at, seed, json, inputs_sha256,
                        input_files, from_day, publisher, receipt)
                    VALUES (\(plan.id), \(plan.version), \(plan.createdAt), \(plan.publishedAt), \(plan.seed),
                        \(plan.json), \(plan.inputsSHA256), \(plan.inputFiles), \(plan.fromDay),
                        \(sender.enrollment.name), \(seq))
                    ON CONFLICT (id) DO NOTHING
                    """, logger: logger)
            }
            let teams = Array(
                Set(
                    bundle.results.compactMap { placesOfRows[$0.inspectionID]?.teamID }
                        + bundle.inspections.map(\.teamID))
            ).sorted()
            try await connection.query(
                """
                INSERT INTO receipt (seq, sha256, bundle_id, signer, new_rows, already_here, conflicts, received_at,
                    bundle, teams)
                OVERRIDING SYSTEM VALUE
                VALUES (\(seq), \(sha256), \(bundle.id), \(sender.enrollment.name), \(counts.new), \(counts.alreadyHere),
                    \(counts.conflicts), \(now), \(bytes), \(teams))
                """, logger: logger)
            return Receipt(
                sha256: sha256, new: counts.new, alreadyHere: counts.alreadyHere, conflicts: counts.conflicts)
        }
    }

    /// The advisory lock pushes take, one at a time.
    static let pushLock: Int64 = 0x6563_765f_6875_6202

    private struct RowCounts {
        var new = 0
        var alreadyHere = 0
        var conflicts = 0
    }
}
