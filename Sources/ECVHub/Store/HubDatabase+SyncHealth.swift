import Foundation
import PostgresNIO

/// How each enrolled key syncs: its last push and pull, and the pushes the hub refused.
public struct SyncHealth: Sendable, Equatable {
    /// Every enrolled key, by name.
    public var keys: [Key]
    /// The latest refusals first, at most `refusalsShown`.
    public var refusals: [Refusal]

    /// How many refusals the page lists.
    public static let refusalsShown = 50

    /// One enrolled key.
    public struct Key: Sendable, Equatable {
        /// The key's enrolled name.
        public var name: String
        /// `office` or `laptop`.
        public var role: String
        /// The team whose work it pulls; `nil` for all.
        public var team: String?
        /// When the hub took its last bundle; `nil` for never.
        public var lastPush: Date?
        /// When it last pulled; `nil` for never.
        public var lastPull: Date?
        /// How many of its bundles the hub took.
        public var bundles: Int
    }

    /// A push the hub refused: by whom, when, and the reason it replied with.
    public struct Refusal: Sendable, Equatable {
        /// The key that pushed it.
        public var signer: String
        /// When it was refused.
        public var at: Date
        /// SHA-256 of the bytes pushed, hex.
        public var sha256: String
        /// The reason the push was told.
        public var reason: String
    }
}

extension HubDatabase {
    /// The longest reason kept for a refusal; a longer one is cut there.
    static let refusalReasonLimit = 2000

    /// Records that a push by `signer` was refused with `reason`.
    func recordRefusal(of data: Data, by signer: String, reason: String, at now: Date) async throws(HubError) {
        _ = try await rows(
            """
            INSERT INTO refused_bundle (sha256, signer, bytes, refused_at, reason)
            VALUES (\(data.sha256Hex), \(signer), \(Int64(data.count)), \(now),
                \(String(reason.prefix(Self.refusalReasonLimit))))
            """)
    }

    /// Records a pull by `key` that ended at `cursor`.
    func recordPull(by key: String, cursor: Int64, at now: Date) async throws(HubError) {
        _ = try await rows(
            """
            INSERT INTO key_pull (key_name, last_pull_at, cursor) VALUES (\(key), \(now), \(cursor))
            ON CONFLICT (key_name) DO UPDATE SET last_pull_at = excluded.last_pull_at, cursor = excluded.cursor
            """)
    }

    /// Every enrolled key's last push and pull, by name, and the latest refusals.
    public func syncHealth() async throws(HubError) -> SyncHealth {
        do {
            let keys = try await rows(
                """
                SELECT k.name, k.role, k.team, max(r.received_at), p.last_pull_at, count(r.seq)
                FROM enrolled_key k
                LEFT JOIN receipt r ON r.signer = k.name
                LEFT JOIN key_pull p ON p.key_name = k.name
                GROUP BY k.name, k.role, k.team, p.last_pull_at
                ORDER BY k.name
                """
            ).map { row in
                let (name, role, team, push, pull, bundles) = try row.decode(
                    (String, String, String?, Date?, Date?, Int).self)
                return SyncHealth.Key(
                    name: name, role: role, team: team, lastPush: push, lastPull: pull, bundles: bundles)
            }
            let refusals = try await rows(
                """
                SELECT signer, refused_at, sha256, reason FROM refused_bundle
                ORDER BY seq DESC LIMIT \(SyncHealth.refusalsShown)
                """
            ).map { row in
                let (signer, at, sha256, reason) = try row.decode((String, Date, String, String).self)
                return SyncHealth.Refusal(signer: signer, at: at, sha256: sha256, reason: reason)
            }
            return SyncHealth(keys: keys, refusals: refusals)
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError.database("sync health: \(error)")
        }
    }
}
