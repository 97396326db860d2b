import ECVModel
import ECVSync
import Foundation
import GRDB

/// What an import did: how much was new, and the edits that collided.
public struct ImportReport: Sendable, Equatable {
    /// Inspections the database did not hold.
    public var newInspections = 0
    /// Held inspections the bundle closed.
    public var finishedInspections = 0
    /// Result versions the database did not hold.
    public var newResults = 0
    /// Result versions it held already, skipped.
    public var knownResults = 0
    /// Audit lines it did not hold.
    public var newAuditLines = 0
    /// Photos it did not hold.
    public var newPhotos = 0
    /// Items two laptops changed without seeing each other's change.
    public var conflicts: [SyncConflict] = []
    /// The local version of the published plan the bundle brought and this database now follows, if any.
    public var adoptedPlan: Int?

    /// Rows the import added to the database.
    public var newRows: Int { newInspections + newResults + newAuditLines + newPhotos + conflicts.count }
}

/// Two laptops that changed the same item without seeing each other's change: both stay in the trail,
/// the later one counts.
public struct SyncConflict: Sendable, Equatable, CustomStringConvertible {
    /// The vehicle.
    public var vehicle: String
    /// The full item id.
    public var item: String
    /// `laptop (who) answer at time`, the one that counts first.
    public var kept: String
    /// `laptop (who) answer at time`, the one in the trail only.
    public var other: String

    /// One line: which answer counts and where the other is.
    public var description: String {
        "conflict: \(vehicle) \(item): kept \(kept); the other, \(other), is in the trail"
    }
}

extension Store {
    /// Imports a signed bundle in one transaction: all of it or, on any error, nothing.
    ///
    /// The bundle must pass ECVSync's checks (`SyncBundle.check`) against what this database holds before
    /// the write lock is taken. Rows are known
    /// by UUID and version: what is here already is skipped, so a bundle imported twice adds nothing. A
    /// result recorded earlier than the vehicle's latest of the item never replaces it (it joins the
    /// history). Two laptops that changed the same item — the same result corrected on both, or one vehicle
    /// inspected on both at the same time — make a conflict: both stay, the later counts, and a `conflict`
    /// line joins the trail. Throws `BundleError` for a bundle refused, `StoreError` for the database.
    public func importBundle(
        _ bundle: SyncBundle, file: String, rules: ImportRules, by actor: Actor, makeID: () -> UUID
    ) throws -> ImportReport {
        // Verdict inputs and the order of results need only the bundle and the catalog, not the database: they are
        // worked out on another core while the bundle is checked, before the write lock is taken.
        let catalog = rules.catalog
        let prepared = Background {
            (
                verdicts: VerdictInputs(vehicles: Set(bundle.inspections.map(\.vehicleID)), catalog: catalog),
                results: bundle.results.sorted { ($0.recordedAt, $0.version) < ($1.recordedAt, $1.version) }
            )
        }
        do {
            try pool.read { db in try bundle.check(against: StoreHoldings(db: db), rules: rules) }
        } catch let error as BundleError {
            throw error
        } catch {
            throw StoreError.database(Store.describe(error))
        }
        let (verdicts, results) = prepared.value
        // Photo files are written before the transaction and removed again if it fails.
        var written: [URL] = []
        do {
            return try importRows(
                bundle, results: results, file: file, verdicts: verdicts, by: actor, at: rules.now, makeID: makeID,
                written: &written)
        } catch {
            for url in written { try? FileManager.default.removeItem(at: url) }
            throw error
        }
    }

    /// Writes the bundle's rows in one transaction; `results` are the bundle's in the order they were recorded.
    private func importRows(
        _ bundle: SyncBundle, results: [ResultRecord], file: String, verdicts: VerdictInputs, by actor: Actor,
        at now: Date, makeID: () -> UUID, written: inout [URL]
    ) throws(StoreError) -> ImportReport {
        let folder = photoFolder
        var files: [URL] = []
        defer { written = files }
        return try write { db in
            var report = ImportReport()
            var known = try KnownRows(of: bundle, db)
            try Store.importInspections(bundle, &known, &report, db)
            var touched: Set<String> = []
            let stamp = TimeStamp(now)
            // Bundles run to a hundred thousand results: every statement is prepared once.
            var rows = try ResultRows(db, local: false)
            for incoming in results {
                guard
                    let inspection = try known.inspections[incoming.inspectionID]
                        ?? InspectionRecord.fetchOne(db, key: incoming.inspectionID)
                else {
                    throw StoreError.database(
                        "result \(incoming.id.text) names inspection \(incoming.inspectionID.text), which is neither in the bundle nor here"
                    )
                }
                let versions = known.versions(of: incoming.id)
                if versions.contains(where: { $0.sameAnswer(as: incoming) }) {
                    report.knownResults += 1
                    continue
                }
                var stored = incoming
                if let clash = versions.first(where: { $0.version == incoming.version }) {
                    // The same version of one result, changed on two laptops.
                    let incomingWins = AnswerRule.keeps(incoming, over: clash)
                    report.conflicts.append(
                        try Store.conflict(
                            vehicle: inspection.vehicleID, kept: incomingWins ? incoming : clash,
                            other: incomingWins ? clash : incoming, by: actor, at: stamp, id: makeID(), db))
                    touched.insert(inspection.vehicleID)
                    guard incomingWins else { continue }
                    let last = versions.last?.version ?? 0
                    guard last < ResultRecord.maximumVersion else {
                        throw StoreError.lastVersion(item: incoming.itemID)
                    }
                    stored.version = last + 1
                } else if known.mayHaveRival(vehicle: inspection.vehicleID, item: incoming.itemID),
                    let rival = try Store.concurrentRival(of: incoming, in: inspection, db)
                {
                    let incomingWins = AnswerRule.keeps(incoming, overRival: rival)
                    report.conflicts.append(
                        try Store.conflict(
                            vehicle: inspection.vehicleID, kept: incomingWins ? incoming : rival,
                            other: incomingWins ? rival : incoming, by: actor, at: stamp, id: makeID(), db))
                }
                let recordedAt = DatabaseTime.text(stored.recordedAt)
                try rows.write(stored, vehicleID: inspection.vehicleID, recordedAt: recordedAt.databaseValue)
                // Its time as the database gives it back, for the versions that follow.
                stored.recordedAt = DatabaseTime.parse(recordedAt) ?? stored.recordedAt
                known.add(stored)
                touched.insert(inspection.vehicleID)
                report.newResults += 1
            }
            var insertLine = try RowWriter(
                db,
                sql: """
                    INSERT INTO audit (id, at, who, laptop, entity, entityID, vehicleID, old, new, importedFrom)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let bundleID = bundle.id.text
            for line in bundle.audit where !known.auditLines.contains(line.id) {
                insertLine.bind(line.id)
                insertLine.bind(DatabaseTime.text(line.at))
                insertLine.bind(line.who)
                insertLine.bind(line.laptop)
                insertLine.bind(line.entity)
                insertLine.bind(line.entityID)
                insertLine.bind(line.vehicleID)
                insertLine.bind(line.old)
                insertLine.bind(line.new)
                insertLine.bind(bundleID)
                try insertLine.step()
                report.newAuditLines += 1
            }
            for bundled in bundle.photos {
                let photo = bundled.photo
                guard try PhotoRecord.fetchOne(db, key: photo.id) == nil else { continue }
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let url = folder.appendingPathComponent(photo.fileName)
                try bundled.data.write(to: url, options: .atomic)
                files.append(url)
                try photo.insert(db)
                report.newPhotos += 1
            }
            for vehicle in touched.sorted() {
                let inputs = verdicts.inputs(of: vehicle)
                try Store.refreshVerdict(of: vehicle, items: inputs.items, key: inputs.key, db)
            }
            if let plan = bundle.plan {
                report.adoptedPlan = try adopt(plan, from: bundle.laptop, by: actor, at: now, auditID: makeID(), db)
            }
            try db.execute(
                sql: "INSERT INTO import (bundleID, at, file, newRows) VALUES (?, ?, ?, ?)",
                arguments: [bundle.id, now, file, report.newRows])
            return report
        }
    }

    /// Adds the bundle's inspections not here, and marks finished those here that the bundle shows finished.
    private static func importInspections(
        _ bundle: SyncBundle, _ known: inout KnownRows, _ report: inout ImportReport, _ db: Database
    ) throws {
        // An end is taken only with the signer's audit line that ends the inspection.
        let ended = Set(bundle.audit.filter { $0.entity == "inspection" && $0.old != nil }.map(\.entityID))
        var insert = try RowWriter(
            db,
            sql: """
                INSERT INTO inspection (id, vehicleID, clientID, siteID, routeID, equipment, teamID, engineer, laptop,
                startedAt, finishedAt, kind, checklists) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for incoming in bundle.inspections {
            if var existing = known.inspections[incoming.id] {
                if existing.finishedAt == nil, let finished = incoming.finishedAt, ended.contains(incoming.id.text) {
                    existing.finishedAt = finished
                    try existing.update(db)
                    known.inspections[incoming.id] = existing
                    report.finishedInspections += 1
                }
                continue
            }
            var incoming = incoming
            if !ended.contains(incoming.id.text) { incoming.finishedAt = nil }
            insert.bind(incoming.id)
            insert.bind(incoming.vehicleID)
            insert.bind(incoming.clientID)
            insert.bind(incoming.siteID)
            insert.bind(incoming.routeID)
            insert.bind(incoming.equipment)
            insert.bind(incoming.teamID)
            insert.bind(incoming.engineer)
            insert.bind(incoming.laptop)
            insert.bind(DatabaseTime.text(incoming.startedAt))
            insert.bind(incoming.finishedAt.map(DatabaseTime.text))
            insert.bind(incoming.kind)
            insert.bind(incoming.checklists)
            try insert.step()
            known.inspections[incoming.id] = incoming
            report.newInspections += 1
        }
    }

    /// The vehicle's latest result of the same item, when it is a rival of `incoming` (`AnswerRule.areRivals`).
    private static func concurrentRival(of incoming: ResultRecord, in inspection: InspectionRecord, _ db: Database)
        throws -> ResultRecord?
    {
        guard
            let latest = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT resultID, version FROM latest WHERE vehicleID = ? AND itemID = ?"),
                arguments: [inspection.vehicleID, incoming.itemID]),
            let rival = try ResultRecord.fetchOne(
                db, key: ["id": latest["resultID"] as UUID, "version": latest["version"] as Int]),
            rival.id != incoming.id, rival.laptop != incoming.laptop,
            let other = try InspectionRecord.fetchOne(db, key: rival.inspectionID)
        else { return nil }
        return AnswerRule.areRivals(incoming, in: AnswerRule.Visit(inspection), rival, in: AnswerRule.Visit(other))
            ? rival : nil
    }

    /// Holds the worse of two conflicting answers until a later answer resolves it (`AnswerRule.held`).
    private static func hold(_ kept: ResultRecord, _ other: ResultRecord, vehicle: String, here: String, _ db: Database)
        throws
    {
        let current = try Row.fetchOne(
            db, sql: "SELECT status, laptop, recordedAt FROM heldAnswer WHERE vehicleID = ? AND itemID = ?",
            arguments: [vehicle, kept.itemID]
        ).map { row in
            AnswerRule.Held(
                status: ItemResult.Status(rawValue: row[0]) ?? .untested, laptop: row[1],
                recordedAt: DatabaseTime.parse(row[2]) ?? .distantPast)
        }
        guard let held = AnswerRule.held(kept: kept, other: other, here: here, current: current) else { return }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO heldAnswer (vehicleID, itemID, status, laptop, recordedAt) VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [vehicle, kept.itemID, held.status.rawValue, held.laptop, DatabaseTime.text(held.recordedAt)])
    }

    /// Appends a `conflict` line to the trail and returns the conflict.
    private static func conflict(
        vehicle: String, kept: ResultRecord, other: ResultRecord, by actor: Actor, at now: TimeStamp, id: UUID,
        _ db: Database
    ) throws -> SyncConflict {
        try hold(kept, other, vehicle: vehicle, here: actor.laptop, db)
        try AuditRecord(
            id: id, at: now.date, who: actor.who, laptop: actor.laptop, entity: "conflict",
            entityID: "\(kept.id.text)#\(kept.version)", vehicleID: vehicle,
            old: other.auditJSON(now.format(other.recordedAt)), new: kept.auditJSON(now.format(kept.recordedAt))
        ).insert(db)
        return SyncConflict(vehicle: vehicle, item: kept.itemID, kept: kept.summary(now), other: other.summary(now))
    }
}

extension ResultRecord {
    /// `laptop-1 (Zhang Wei) fail at 2027-03-14T04:54:20Z`.
    func summary(_ stamp: TimeStamp) -> String {
        let answer = [value.map { Limits.format($0) }, choice, text].compactMap { $0 }.first
        return "\(laptop) (\(recordedBy)) \(status)\(answer.map { " \($0)" } ?? "") at \(stamp.format(recordedAt))"
    }
}
