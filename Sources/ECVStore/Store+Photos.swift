import ECVModel
import ECVSync
import Foundation
import GRDB

extension Store {
    /// The folder of photo files: `photos/` beside the database.
    public var photoFolder: URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("photos", isDirectory: true)
    }

    /// Saves a photo of `itemID` into the vehicle's open inspection (or a new one): the file first, then
    /// its row and audit line in one transaction; when the transaction fails the file is removed again.
    public func savePhoto(
        _ data: Data, kind: PhotoKind, of placement: Catalog.VehiclePlacement, item itemID: String, catalog: Catalog,
        by actor: Actor, at now: Date, makeID: () -> UUID
    ) throws(StoreError) -> PhotoRecord {
        let id = makeID()
        var photo = PhotoRecord(
            id: id, inspectionID: id, vehicleID: placement.vehicle.id, itemID: itemID, contentType: kind.rawValue,
            bytes: data.count, sha256: data.sha256Hex, takenAt: now, takenBy: actor.who, laptop: actor.laptop)
        let file = photoFolder.appendingPathComponent(photo.fileName)
        do {
            try FileManager.default.createDirectory(at: photoFolder, withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            throw .database("cannot write \(file.path): \(error.localizedDescription)")
        }
        do {
            let fingerprints = ChecklistFingerprints(catalog.checklists)
            let stamp = TimeStamp(now)
            photo = try write { db in
                let inspection =
                    try Store.openInspection(ofVehicle: placement.vehicle.id, db)
                    ?? Store.insertInspection(
                        of: placement, team: placement.route.teamID, checklists: fingerprints, kind: "full",
                        by: actor, at: stamp, id: makeID(), db)
                var saved = photo
                saved.inspectionID = inspection.id
                try Store.insertPhoto(saved, by: actor, at: stamp, auditID: makeID(), db)
                return saved
            }
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        return photo
    }

    /// Inserts a photo's row and its audit line inside the caller's transaction.
    static func insertPhoto(_ photo: PhotoRecord, by actor: Actor, at now: TimeStamp, auditID: UUID, _ db: Database)
        throws
    {
        try photo.insert(db)
        var json = JSONObjectWriter()
        json.field("bytes", literal: String(photo.bytes))
        json.field("contentType", photo.contentType)
        json.field("itemID", photo.itemID)
        json.field("sha256", photo.sha256)
        try AuditRecord(
            id: auditID, at: now.date, who: actor.who, laptop: actor.laptop, entity: "photo", entityID: photo.id.text,
            vehicleID: photo.vehicleID, old: nil, new: json.finished()
        ).insert(db)
    }

    /// The photos of a vehicle, oldest first.
    public func photos(ofVehicle vehicleID: String) throws(StoreError) -> [PhotoRecord] {
        try read { db in
            try PhotoRecord.filter(Column("vehicleID") == vehicleID).order(Column("takenAt")).fetchAll(db)
        }
    }

    /// A photo and its bytes; `nil` when there is no such photo, or its file is missing or not what was saved.
    public func photo(_ id: UUID) throws(StoreError) -> (PhotoRecord, Data)? {
        guard let photo = try read({ db in try PhotoRecord.fetchOne(db, key: id) }),
            let data = FileManager.default.contents(atPath: photoFolder.appendingPathComponent(photo.fileName).path),
            data.sha256Hex == photo.sha256
        else { return nil }
        return (photo, data)
    }
}
