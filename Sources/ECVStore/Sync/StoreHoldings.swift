import Crypto
import ECVSync
import Foundation
import GRDB

/// What this database holds, as a bundle's checks ask for it, read inside the caller's transaction.
struct StoreHoldings: ReceiverHoldings {
    let db: Database

    func enrolment(ofLaptop name: String) throws -> Enrolment? {
        guard
            let row = try Row.fetchOne(db, sql: "SELECT publicKey, role FROM laptop WHERE name = ?", arguments: [name]),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: row["publicKey"] as Data)
        else { return nil }
        // A role this release does not know gives no more than a laptop's.
        return Enrolment(publicKey: key, role: Enrolment.Role(rawValue: row["role"]) ?? .laptop)
    }

    func inspections(_ ids: [UUID]) throws -> [UUID: InspectionRecord] {
        var held: [UUID: InspectionRecord] = [:]
        for row in try KnownRows.rows(db, sql: "SELECT * FROM inspection WHERE id IN", ids: ids) {
            let inspection = try InspectionRecord(row: row)
            held[inspection.id] = inspection
        }
        return held
    }

    func resultPlaces(_ ids: [UUID]) throws -> [UUID: ResultPlace] {
        var held: [UUID: ResultPlace] = [:]
        for row in try KnownRows.rows(db, sql: "SELECT id, inspectionID, itemID FROM result WHERE id IN", ids: ids) {
            held[row["id"]] = ResultPlace(inspectionID: row["inspectionID"], itemID: row["itemID"])
        }
        return held
    }

    func auditLines(_ ids: [UUID]) throws -> [UUID: AuditedRecord] {
        var held: [UUID: AuditedRecord] = [:]
        for row in try KnownRows.rows(db, sql: "SELECT id, entity, entityID FROM audit WHERE id IN", ids: ids) {
            held[row["id"]] = AuditedRecord(entity: row["entity"], entityID: row["entityID"])
        }
        return held
    }
}
