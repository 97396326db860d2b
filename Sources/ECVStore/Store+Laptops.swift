import Crypto
import ECVSync
import Foundation
import GRDB

/// A laptop whose bundles this database accepts.
public struct EnrolledLaptop: Sendable, Equatable {
    public var name: String
    /// SHA-256 of its public key, hex.
    public var fingerprint: String
    public var enrolledAt: Date
    public var enrolledBy: String
}

extension Store {
    /// Enrolls laptop `name` with its public key: from now on its signed bundles are accepted.
    ///
    /// Enrolling the same name with the same key again changes nothing; another key under a known name,
    /// or a key known under another name, is refused.
    @discardableResult
    public func enroll(
        laptop name: String, publicKey: Curve25519.Signing.PublicKey, by actor: Actor, at now: Date
    ) throws(StoreError) -> Bool {
        do {
            try LaptopKey.validate(name: name)
        } catch {
            throw .refused(error.description)
        }
        let raw = publicKey.rawRepresentation
        return try write { db in
            if let known = try Data.fetchOne(db, sql: "SELECT publicKey FROM laptop WHERE name = ?", arguments: [name])
            {
                guard known == raw else {
                    throw StoreError.refused("laptop \(name) is enrolled already, with another key")
                }
                return false
            }
            if let other = try String.fetchOne(
                db, sql: "SELECT name FROM laptop WHERE publicKey = ?", arguments: [raw])
            {
                throw StoreError.refused("this key is enrolled already, as laptop \(other)")
            }
            try db.execute(
                sql: "INSERT INTO laptop (name, publicKey, fingerprint, enrolledAt, enrolledBy) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, raw, publicKey.fingerprint, now, actor.who])
            return true
        }
    }

    /// The enrolled laptops, by name.
    public func enrolledLaptops() throws(StoreError) -> [EnrolledLaptop] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, fingerprint, enrolledAt, enrolledBy FROM laptop ORDER BY name").map
            {
                EnrolledLaptop(
                    name: $0["name"], fingerprint: $0["fingerprint"], enrolledAt: $0["enrolledAt"],
                    enrolledBy: $0["enrolledBy"])
            }
        }
    }
}
