import Crypto
import ECVModel
import Foundation
import GRDB

/// Who writes: the engineer's name and the laptop's id, stamped on every row and audit line.
public struct Actor: Sendable, Equatable {
    public var who: String
    public var laptop: String

    public init(who: String, laptop: String) {
        self.who = who
        self.laptop = laptop
    }
}

extension Store {
    /// Starts an inspection of `placement`'s vehicle: a copy of the vehicle and the content hash of every
    /// checklist as they are now.
    public func startInspection(
        of placement: Catalog.VehiclePlacement, team: String, checklists: ChecklistFingerprints,
        kind: String = "full", by actor: Actor, at now: Date, id: UUID
    ) throws(StoreError) -> InspectionRecord {
        try write { db in
            let encoder = Store.encoder()
            let record = InspectionRecord(
                id: id, vehicleID: placement.vehicle.id, clientID: placement.site.clientID, siteID: placement.site.id,
                routeID: placement.route.id, equipment: try Store.json(placement.vehicle.equipment, encoder),
                teamID: team, engineer: actor.who, laptop: actor.laptop, startedAt: now, finishedAt: nil, kind: kind,
                checklists: checklists.json)
            try record.insert(db)
            try AuditRecord(
                id: id, at: now, who: actor.who, laptop: actor.laptop, entity: "inspection", entityID: id.uuidString,
                vehicleID: record.vehicleID, old: nil, new: try Store.json(record, encoder)
            ).insert(db)
            return record
        }
    }

    /// The vehicle's latest inspection that is not finished, to resume.
    public func openInspection(ofVehicle vehicleID: String) throws(StoreError) -> InspectionRecord? {
        try read { db in
            try InspectionRecord.filter(Column("vehicleID") == vehicleID && Column("finishedAt") == nil)
                .order(Column("startedAt").desc).fetchOne(db)
        }
    }

    /// Marks an inspection finished (audited).
    public func finish(_ inspection: InspectionRecord, by actor: Actor, at now: Date, auditID: UUID) throws(StoreError)
    {
        var finished = inspection
        finished.finishedAt = now
        try write { db in
            try finished.update(db)
            try AuditRecord(
                id: auditID, at: now, who: actor.who, laptop: actor.laptop, entity: "inspection",
                entityID: inspection.id.uuidString, vehicleID: inspection.vehicleID,
                old: try Store.json(inspection), new: try Store.json(finished)
            ).insert(db)
        }
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

    public init(_ checklists: [Checklist]) {
        let encoder = Store.encoder()
        var fingerprints: [String: [String: String]] = [:]
        for checklist in checklists {
            let content = (try? encoder.encode(checklist)) ?? Data()
            fingerprints[checklist.subsystem.rawValue] = [
                "version": String(checklist.version),
                "sha256": SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined(),
            ]
        }
        json = (try? Store.json(fingerprints, encoder)) ?? "{}"
    }
}
