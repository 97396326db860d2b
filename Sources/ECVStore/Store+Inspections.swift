import ECVModel
import ECVSync
import Foundation
import GRDB

/// Who writes: the engineer's name and the laptop's id, stamped on every row and audit line.
public struct Actor: Sendable, Equatable {
    /// The engineer's or dispatcher's name.
    public var who: String
    /// The laptop's name (the office's at the office).
    public var laptop: String

    /// An actor of these parts.
    public init(who: String, laptop: String) {
        self.who = who
        self.laptop = laptop
    }
}

extension Store {
    /// Inserts a new inspection with its audit line inside the caller's transaction.
    static func insertInspection(
        of placement: Catalog.VehiclePlacement, team: String, checklists: ChecklistFingerprints, kind: String,
        by actor: Actor, at now: TimeStamp, id: UUID, _ db: Database
    ) throws -> InspectionRecord {
        let record = InspectionRecord(
            id: id, vehicleID: placement.vehicle.id, clientID: placement.site.clientID, siteID: placement.site.id,
            routeID: placement.route.id,
            equipment: "[" + placement.vehicle.equipment.map(JSONText.quote).joined(separator: ",") + "]",
            teamID: team, engineer: actor.who, laptop: actor.laptop, startedAt: now.date, finishedAt: nil, kind: kind,
            checklists: checklists.json)
        try record.insert(db)
        try AuditRecord(
            id: id, at: now.date, who: actor.who, laptop: actor.laptop, entity: "inspection", entityID: id.text,
            vehicleID: record.vehicleID, old: nil, new: record.auditJSON(now)
        ).insert(db)
        return record
    }

    /// The vehicle's latest inspection that is not finished, to resume.
    public func openInspection(ofVehicle vehicleID: String) throws(StoreError) -> InspectionRecord? {
        try read { db in try Store.openInspection(ofVehicle: vehicleID, db) }
    }

    static func openInspection(ofVehicle vehicleID: String, _ db: Database) throws -> InspectionRecord? {
        try InspectionRecord.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT * FROM inspection WHERE vehicleID = ? AND finishedAt IS NULL ORDER BY startedAt DESC LIMIT 1
                    """),
            arguments: [vehicleID])
    }

    /// Every inspection of a vehicle, oldest first.
    public func inspections(ofVehicle vehicleID: String) throws(StoreError) -> [InspectionRecord] {
        try read { db in
            try InspectionRecord.filter(Column("vehicleID") == vehicleID).order(Column("startedAt")).fetchAll(db)
        }
    }

    /// The encoder of the audit trail's JSON: sorted keys, ISO 8601 dates.
    ///
    /// Making one is costly, so batches share one.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Canonical JSON (sorted keys) of a value.
    static func json(_ value: some Encodable, _ encoder: JSONEncoder = encoder()) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Version and SHA-256 of each checklist's content, so that a result can be traced to the exact tests it
/// was recorded against; computed once per catalog.
public struct ChecklistFingerprints: Sendable, Equatable {
    /// The fingerprints as JSON: `{"power": {"sha256": "…", "version": "3"}, …}`.
    public let json: String

    /// The fingerprints of `checklists`.
    public init(_ checklists: [Checklist]) {
        let encoder = Store.encoder()
        var fingerprints: [String: [String: String]] = [:]
        for checklist in checklists {
            let content = (try? encoder.encode(checklist)) ?? Data()
            fingerprints[checklist.subsystem.rawValue] = [
                "version": String(checklist.version),
                "sha256": content.sha256Hex,
            ]
        }
        json = (try? Store.json(fingerprints, encoder)) ?? "{}"
    }
}
