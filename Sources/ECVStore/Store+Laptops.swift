import Crypto
import ECVSync
import Foundation
import GRDB

/// A laptop whose bundles this database accepts.
public struct EnrolledLaptop: Sendable, Equatable {
    /// The laptop's name, from its key file.
    public var name: String
    /// SHA-256 of its public key, hex.
    public var fingerprint: String
    /// When it was enrolled.
    public var enrolledAt: Date
    /// Who enrolled it.
    public var enrolledBy: String
    /// What its bundles may bring: the office's key also brings the published plan.
    public var role: Enrolment.Role
}

extension Store {
    /// Enrolls laptop `name` with its public key and role: from now on its signed bundles are accepted, and
    /// with the office role the published plan they bring.
    ///
    /// Enrolling the same name with the same key and role again changes nothing; the same key with another role
    /// takes that role; another key under a known name, or a key known under another name, is refused.
    @discardableResult
    public func enroll(
        laptop name: String, publicKey: Curve25519.Signing.PublicKey, role: Enrolment.Role = .laptop,
        by actor: Actor, at now: Date
    ) throws(StoreError) -> Bool {
        do {
            try LaptopKey.validate(name: name)
        } catch {
            throw .refused(error.description)
        }
        let raw = publicKey.rawRepresentation
        return try write { db in
            if let known = try Row.fetchOne(
                db, sql: "SELECT publicKey, role FROM laptop WHERE name = ?", arguments: [name])
            {
                guard known["publicKey"] == raw else {
                    throw StoreError.refused("laptop \(name) is enrolled already, with another key")
                }
                guard known["role"] != role.rawValue else { return false }
                try db.execute(sql: "UPDATE laptop SET role = ? WHERE name = ?", arguments: [role.rawValue, name])
                return true
            }
            if let other = try String.fetchOne(
                db, sql: "SELECT name FROM laptop WHERE publicKey = ?", arguments: [raw])
            {
                throw StoreError.refused("this key is enrolled already, as laptop \(other)")
            }
            try db.execute(
                sql: """
                    INSERT INTO laptop (name, publicKey, fingerprint, enrolledAt, enrolledBy, role)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [name, raw, publicKey.fingerprint, now, actor.who, role.rawValue])
            return true
        }
    }

    /// The enrolled laptops, by name.
    public func enrolledLaptops() throws(StoreError) -> [EnrolledLaptop] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, fingerprint, enrolledAt, enrolledBy, role FROM laptop ORDER BY name"
            ).map {
                EnrolledLaptop(
                    name: $0["name"], fingerprint: $0["fingerprint"], enrolledAt: $0["enrolledAt"],
                    enrolledBy: $0["enrolledBy"], role: Enrolment.Role(rawValue: $0["role"]) ?? .laptop)
            }
        }
    }
}
