import ECVCatalog
import ECVModel
import ECVSync
import Foundation
import PostgresNIO

/// One file of `Routes/` or `Checklists/` as the office pushed it.
public struct CatalogFile: Sendable, Equatable {
    /// `Routes/north-china.yaml`.
    public var path: String
    /// The file's bytes.
    public var content: Data

    /// The file at `path` with these bytes.
    public init(path: String, content: Data) {
        self.path = path
        self.content = content
    }

    /// SHA-256 of the content, hex.
    public var sha256: String { content.sha256Hex }
}

extension HubDatabase {
    /// Stores the office's current files once they make a catalog without errors; returns how many were new here.
    ///
    /// Refused with the first error, as `file:line:col: error: …`, and nothing stored.
    public func pushCatalog(_ files: [CatalogFile], by sender: String, at now: Date) async throws -> Int {
        for file in files {
            guard
                file.path.range(of: #"^(Routes|Checklists)/[^/]+\.(yaml|yml|csv)$"#, options: .regularExpression) != nil
            else {
                throw CatalogRefusal("`\(file.path.prefix(200))` is not a file of Routes/ or Checklists/")
            }
        }
        guard Set(files.map(\.path)).count == files.count else { throw CatalogRefusal("a path is given twice") }
        let load = CatalogLoader.load(files: files.map { ($0.path, $0.content) })
        if let error = load.errors.first { throw CatalogRefusal("\(error)") }
        let sorted = files.sorted { $0.path < $1.path }
        return try await transaction { connection in
            var new = 0
            for file in sorted {
                let rows = try await connection.query(
                    """
                    INSERT INTO catalog_file (path, sha256, content) VALUES (\(file.path), \(file.sha256), \(file.content))
                    ON CONFLICT DO NOTHING RETURNING path
                    """, logger: logger
                ).collect()
                new += rows.count
            }
            try await connection.query(
                """
                INSERT INTO catalog_version (pushed_at, pushed_by, paths, sha256s)
                VALUES (\(now), \(sender), \(sorted.map(\.path)), \(sorted.map(\.sha256)))
                """, logger: logger)
            return new
        }
    }

    /// The files of the latest catalog the office pushed; empty before the first.
    public func currentCatalogFiles() async throws(HubError) -> [CatalogFile] {
        guard let version = try await latestCatalogVersion() else { return [] }
        return try await catalogFiles(ofVersion: version)
    }

    /// The number of the latest catalog the office pushed; `nil` before the first.
    private func latestCatalogVersion() async throws(HubError) -> Int64? {
        try await rows("SELECT max(seq) FROM catalog_version") { try $0.decode(Int64?.self) }.first ?? nil
    }

    /// The files of catalog version `version`.
    private func catalogFiles(ofVersion version: Int64) async throws(HubError) -> [CatalogFile] {
        try await transaction { connection in
            try await connection.query(
                """
                SELECT f.path, f.content FROM catalog_file f
                JOIN (SELECT w.path, w.sha256
                      FROM (SELECT paths, sha256s FROM catalog_version WHERE seq = \(version)) AS pushed,
                           unnest(pushed.paths, pushed.sha256s) AS w(path, sha256)) AS v
                  ON v.path = f.path AND v.sha256 = f.sha256
                ORDER BY f.path
                """, logger: logger
            ).collect().map { row in
                let (path, content) = try row.decode((String, Data).self)
                return CatalogFile(path: path, content: content)
            }
        }
    }

    /// The stored files with the given path and SHA-256 pairs (a plan's inputs), those the hub has.
    public func catalogFiles(_ wanted: [String: String]) async throws(HubError) -> [CatalogFile] {
        try await transaction { connection in try await HubDatabase.catalogFiles(wanted, on: connection, logger) }
    }

    /// The stored files with the given path and SHA-256 pairs, read on `connection` (inside a transaction).
    static func catalogFiles(_ wanted: [String: String], on connection: PostgresConnection, _ logger: Logger)
        async throws -> [CatalogFile]
    {
        let paths = wanted.keys.sorted()
        let hashes = paths.map { wanted[$0] ?? "" }
        return try await connection.query(
            """
            SELECT f.path, f.content FROM catalog_file f
            JOIN unnest(\(paths)::text[], \(hashes)::text[]) AS w(path, sha256)
              ON w.path = f.path AND w.sha256 = f.sha256
            ORDER BY f.path
            """, logger: logger
        ).collect().map { row in
            let (path, content) = try row.decode((String, Data).self)
            return CatalogFile(path: path, content: content)
        }
    }

    /// The catalog bundles are checked against: the latest files the office pushed; `nil` before the first.
    ///
    /// Read from the files once per version (`catalogs`).
    public func currentCatalog() async throws(HubError) -> Catalog? {
        guard let version = try await latestCatalogVersion() else { return nil }
        do {
            return try await catalogs.catalog(ofVersion: version) {
                let files = try await self.catalogFiles(ofVersion: version)
                guard !files.isEmpty else { return nil }
                return try await CPUWork.run { CatalogLoader.load(files: files.map { ($0.path, $0.content) }).catalog }
            }
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError.database(error, at: url)
        }
    }
}

/// Office files that do not make a catalog; nothing was stored.
public struct CatalogRefusal: Error, Equatable, CustomStringConvertible {
    /// The reason, in one line.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
