import Crypto
import ECVSync
import Foundation
import PostgresNIO

extension HubDatabase {
    /// The number of the newest migration this `ecv` knows.
    public static var schemaVersion: Int { HubMigration.all.last?.number ?? 0 }

    /// Brings the schema up to date (or up to migration `last`) and returns the numbers applied now.
    ///
    /// Each migration runs in its own transaction under an advisory lock, so two hubs started at once apply
    /// each migration once; a database migrated by a newer `ecv` is refused rather than misread.
    @discardableResult
    public func migrate(through last: Int = HubDatabase.schemaVersion) async throws(HubError) -> [Int] {
        var applied: [Int] = []
        for migration in HubMigration.all where migration.number <= last {
            let done = try await transaction { connection -> Bool in
                try await connection.query("SELECT pg_advisory_xact_lock(\(HubDatabase.migrationLock))", logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS hub_migration (
                        number integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                let numbers = try await connection.query("SELECT number FROM hub_migration", logger: logger)
                    .collect().map { try $0.decode(Int.self) }
                if let newest = numbers.max(), newest > HubDatabase.schemaVersion {
                    throw HubError.newerSchema(newest, known: HubDatabase.schemaVersion)
                }
                guard !numbers.contains(migration.number) else { return false }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO hub_migration (number, name) VALUES (\(migration.number), \(migration.name))",
                    logger: logger)
                return true
            }
            if done { applied.append(migration.number) }
        }
        return applied
    }

    /// The numbers of the migrations this database has, in order; empty for a new database.
    public func appliedMigrations() async throws(HubError) -> [Int] {
        try await transaction { connection in
            let exists = try await connection.query("SELECT to_regclass('hub_migration') IS NOT NULL", logger: logger)
                .collect()
            guard try exists.first?.decode(Bool.self) == true else { return [] }
            return try await connection.query("SELECT number FROM hub_migration ORDER BY number", logger: logger)
                .collect().map { try $0.decode(Int.self) }
        }
    }

    /// Records the office's public key, which signs enrollments and publications; setting the same key again does
    /// nothing, another key is refused.
    public func setOfficeKey(_ key: Curve25519.Signing.PublicKey) async throws(HubError) {
        let raw = key.rawRepresentation
        let fingerprint = raw.sha256Hex
        try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO office_key (public_key, fingerprint) VALUES (\(raw), \(fingerprint))
                ON CONFLICT (only_one) DO NOTHING
                """, logger: logger)
            let stored = try await connection.query("SELECT fingerprint FROM office_key", logger: logger).collect()
            let current = try stored.first?.decode(String.self)
            guard current == fingerprint else { throw HubError.otherOfficeKey(current ?? "") }
        }
    }

    /// The office's public key; `nil` before `ecv hub migrate --office-key` set it.
    public func officeKey() async throws(HubError) -> Curve25519.Signing.PublicKey? {
        let raw = try await transaction { connection in
            try await connection.query("SELECT public_key FROM office_key", logger: logger).collect().first?
                .decode(Data.self)
        }
        guard let raw else { return nil }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw .database("the stored office key is not an Ed25519 key")
        }
        return key
    }

    /// The advisory lock migrations take: any number no other program of this database uses.
    static let migrationLock: Int64 = 0x6563_765f_6875_6201
}
