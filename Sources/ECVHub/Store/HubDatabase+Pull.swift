import ECVHubClient
import Foundation
import PostgresNIO

/// What a pull hands a key: bundles as their senders signed them, the enrollments of those senders, and the files
/// of the published plan.
public struct PullContent: Sendable, Equatable {
    /// The `since` of the next pull: the last receipt number given.
    public var cursor: Int64
    /// The office-signed enrollments of the keys that signed `bundles`.
    public var keys: [Enrollment]
    /// The bundles, oldest first, byte for byte as their senders signed them.
    public var bundles: [Data]
    /// The files the latest published plan was made from.
    public var files: [CatalogFile]
}

extension HubDatabase {
    /// What `key` should hold of what came after receipt `since`.
    ///
    /// Every other key's bundles at the office; at a laptop the office's bundles and those with work on its team's
    /// lines. At most `limit` bytes of bundles at
    /// once (but at least one bundle): the cursor then stops at the last one handed out, and the next pull goes on.
    public func pull(for key: EnrolledKey, since: Int64, limit: Int = 64 << 20) async throws(HubError) -> PullContent {
        let name = key.enrollment.name
        let everyone = key.isOffice || key.enrollment.team == nil
        let team = key.enrollment.team ?? ""
        let since = max(0, since)
        return try await transaction { connection in
            let newest =
                try await connection.query("SELECT COALESCE(MAX(seq), 0) FROM receipt", logger: logger)
                .collect().first?.decode(Int64.self) ?? 0
            var cursor = max(since, newest)
            var bundles: [Data] = []
            var signers: Set<String> = []
            var bytes = 0
            let rows = try await connection.query(
                """
                SELECT r.seq, r.signer, length(r.bundle) FROM receipt r JOIN enrolled_key k ON k.name = r.signer
                WHERE r.seq > \(since) AND r.seq <= \(newest) AND r.signer <> \(name)
                  AND (\(everyone) OR k.role = 'office' OR \(team) = ANY(r.teams))
                ORDER BY r.seq
                """, logger: logger
            ).collect().map { try $0.decode((Int64, String, Int).self) }
            for (seq, signer, size) in rows {
                if !bundles.isEmpty && bytes + size > limit {
                    cursor = seq - 1
                    break
                }
                let bundle =
                    try await connection.query("SELECT bundle FROM receipt WHERE seq = \(seq)", logger: logger)
                    .collect().first?.decode(Data.self) ?? Data()
                bundles.append(bundle)
                signers.insert(signer)
                bytes += size
            }
            let keys = try await connection.query(
                """
                SELECT name, role, public_key, team, office_signature FROM enrolled_key
                WHERE name = ANY(\(Array(signers))) ORDER BY name
                """, logger: logger
            ).collect().map { row in
                let (name, role, raw, team, signature) = try row.decode((String, String, Data, String?, String).self)
                return Enrollment(
                    name: name, role: role, publicKey: raw.base64EncodedString(), team: team, officeSignature: signature
                )
            }
            // The plan's files come with the bundle that brought the plan.
            let plan = try await connection.query(
                """
                SELECT input_files FROM published_plan WHERE receipt > \(since) AND receipt <= \(cursor)
                ORDER BY published_at DESC LIMIT 1
                """, logger: logger
            ).collect().first?.decode(String?.self)
            var files: [CatalogFile] = []
            if let plan, let inputs = try? JSONDecoder().decode(PlanFileList.self, from: Data(plan.utf8)) {
                files = try await HubDatabase.catalogFiles(inputs.files, on: connection, logger)
            }
            return PullContent(cursor: cursor, keys: keys, bundles: bundles, files: files)
        }
    }

    /// A plan's input files as the plan carries them: path → SHA-256.
    private struct PlanFileList: Decodable {
        var files: [String: String]
    }
}
