import Crypto
import ECVSync
import Foundation
import GRDB

/// What this database holds, as a bundle's checks ask for it, read inside the caller's transaction.
struct StoreHoldings: ReceiverHoldings {
    let db: Database

    func enrolment(ofLaptop name: String) throws -> Enrolment? {
        try Data.fetchOne(db, sql: "SELECT publicKey FROM laptop WHERE name = ?", arguments: [name]).flatMap {
            (try? Curve25519.Signing.PublicKey(rawRepresentation: $0)).map { Enrolment(publicKey: $0, role: .laptop) }
        }
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
}
