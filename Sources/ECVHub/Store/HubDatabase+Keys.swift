import Crypto
import ECVHubClient
import ECVSync
import Foundation
import PostgresNIO

/// A key enrolled at the hub, with the office's signed statement of it.
public struct EnrolledKey: Sendable, Equatable {
    /// The enrollment as the office signed it.
    public var enrollment: Enrollment
    /// The key itself.
    public var publicKey: Curve25519.Signing.PublicKey

    /// Equal when the enrollments and the keys' bytes are.
    public static func == (lhs: EnrolledKey, rhs: EnrolledKey) -> Bool {
        lhs.enrollment == rhs.enrollment && lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation
    }

    /// SHA-256 of the key's 32 bytes, hex: the fingerprint `ecv keys init` prints.
    public var fingerprint: String { publicKey.rawRepresentation.sha256Hex }
    /// Whether it is the office's bundle key, whose bundles may carry the published plan.
    public var isOffice: Bool { enrollment.role == "office" }
}

/// Why an enrollment was not taken.
public enum EnrollmentRefusal: Error, Equatable, CustomStringConvertible {
    /// The name or the key is enrolled already with another key, name or role.
    case clash(String)
    /// The enrollment is malformed or not signed by the office key.
    case invalid(String)

    /// The reason, in one line.
    public var description: String {
        switch self {
        case .clash(let reason), .invalid(let reason): return reason
        }
    }
}

extension HubDatabase {
    /// Enrolls a key the office signed; returns it and whether it is new.
    ///
    /// The same enrollment again changes
    /// nothing; another key under a taken name, or a taken key under another name or role, is refused.
    public func enroll(_ enrollment: Enrollment) async throws -> (key: EnrolledKey, new: Bool) {
        guard (try? validKeyName(enrollment.name)) != nil else {
            throw EnrollmentRefusal.invalid("name `\(enrollment.name)` must be 1 to 64 letters, digits, `-` or `_`")
        }
        guard ["office", "laptop"].contains(enrollment.role) else {
            throw EnrollmentRefusal.invalid("role must be office or laptop")
        }
        guard let raw = Data(base64Encoded: enrollment.publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { throw EnrollmentRefusal.invalid("publicKey is not the base64 of an Ed25519 key") }
        guard let office = try await officeKey() else {
            throw EnrollmentRefusal.invalid("the hub has no office key yet; run `ecv hub migrate --office-key`")
        }
        guard enrollment.isSigned(by: office) else {
            throw EnrollmentRefusal.invalid("the enrollment is not signed by the office key")
        }
        let enrolled = EnrolledKey(enrollment: enrollment, publicKey: key)
        let fingerprint = enrolled.fingerprint
        let inserted = try await transaction { connection -> Bool in
            let rows = try await connection.query(
                """
                INSERT INTO enrolled_key (name, public_key, fingerprint, role, team, office_signature)
                VALUES (\(enrollment.name), \(raw), \(fingerprint), \(enrollment.role), \(enrollment.team),
                        \(enrollment.officeSignature))
                ON CONFLICT DO NOTHING RETURNING name
                """, logger: logger
            ).collect()
            return !rows.isEmpty
        }
        if inserted { return (enrolled, true) }
        guard let existing = try await enrolledKey(named: enrollment.name) else {
            throw EnrollmentRefusal.clash("this key is enrolled already under another name")
        }
        guard existing.publicKey.rawRepresentation == raw, existing.enrollment.role == enrollment.role else {
            throw EnrollmentRefusal.clash(
                "`\(enrollment.name)` is enrolled already with another key or role (fingerprint \(existing.fingerprint))"
            )
        }
        return (existing, false)
    }

    /// The key enrolled under `name`; `nil` when there is none.
    public func enrolledKey(named name: String) async throws(HubError) -> EnrolledKey? {
        try await enrolledKeys(where: name).first
    }

    /// Every enrolled key, by name.
    public func enrolledKeys() async throws(HubError) -> [EnrolledKey] {
        try await enrolledKeys(where: nil)
    }

    private func enrolledKeys(where name: String?) async throws(HubError) -> [EnrolledKey] {
        let rows = try await self.rows(
            """
            SELECT name, role, public_key, team, office_signature FROM enrolled_key
            WHERE \(name)::text IS NULL OR name = \(name)::text ORDER BY name
            """
        ) { row in
            try row.decode((String, String, Data, String?, String).self)
        }
        return rows.compactMap { name, role, raw, team, signature in
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return nil }
            return EnrolledKey(
                enrollment: Enrollment(
                    name: name, role: role, publicKey: raw.base64EncodedString(), team: team,
                    officeSignature: signature),
                publicKey: key)
        }
    }

    /// Records a request's signature; `false` when it was seen before (a replay).
    ///
    /// Signatures older than the
    /// window are forgotten: their time alone refuses them.
    func firstUse(ofSignature signature: String, by key: String, signedAt: Date, now: Date) async throws(HubError)
        -> Bool
    {
        let horizon = now.addingTimeInterval(-2 * SignedRequest.window)
        // One statement, one round trip: every signed request passes here.
        return try await !rows(
            """
            WITH forgotten AS (DELETE FROM seen_request WHERE signed_at < \(horizon))
            INSERT INTO seen_request (signature, key_name, signed_at) VALUES (\(signature), \(key), \(signedAt))
            ON CONFLICT DO NOTHING RETURNING signature
            """
        ).isEmpty
    }

    private func validKeyName(_ name: String) throws -> Bool {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
        guard allowed, (1...64).contains(name.utf8.count) else { throw EnrollmentRefusal.invalid(name) }
        return true
    }
}
