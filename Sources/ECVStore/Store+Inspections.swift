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
        of placement: Catalog.VehiclePlacement, team: String, checklists: [Checklist], kind: String = "full",
        by actor: Actor, at now: Date, id: UUID
    ) throws(StoreError) -> InspectionRecord {
        let record = InspectionRecord(
            id: id, vehicleID: placement.vehicle.id, clientID: placement.site.clientID, siteID: placement.site.id,
            routeID: placement.route.id, equipment: Store.json(placement.vehicle.equipment), teamID: team,
            engineer: actor.who, laptop: actor.laptop, startedAt: now, finishedAt: nil, kind: kind,
            checklists: Store.json(Store.fingerprints(checklists)))
        try write { db in
            try record.insert(db)
            try AuditRecord(
                id: id, at: now, who: actor.who, laptop: actor.laptop, entity: "inspection", entityID: id.uuidString,
                vehicleID: record.vehicleID, old: nil, new: Store.json(record)
            ).insert(db)
        }
        return record
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
                entityID: inspection.id.uuidString, vehicleID: inspection.vehicleID, old: Store.json(inspection),
                new: Store.json(finished)
            ).insert(db)
        }
    }

    /// Every inspection of a vehicle, oldest first.
    public func inspections(ofVehicle vehicleID: String) throws(StoreError) -> [InspectionRecord] {
        try read { db in
            try InspectionRecord.filter(Column("vehicleID") == vehicleID).order(Column("startedAt")).fetchAll(db)
        }
    }

    /// Version and SHA-256 of each checklist's content, so that a result can be traced to the exact tests.
    static func fingerprints(_ checklists: [Checklist]) -> [String: [String: String]] {
        var fingerprints: [String: [String: String]] = [:]
        for checklist in checklists {
            let digest = SHA256.hash(data: Data(json(checklist).utf8))
            fingerprints[checklist.subsystem.rawValue] = [
                "version": String(checklist.version), "sha256": digest.map { String(format: "%02x", $0) }.joined(),
            ]
        }
        return fingerprints
    }

    /// Canonical JSON (sorted keys) of a value.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
