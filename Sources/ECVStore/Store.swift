import ECVModel
import ECVSync
import Foundation
import GRDB

/// The database of what happened: plans issued, inspections, results and the audit trail.
///
/// One `Store` per process; every write is one transaction with `synchronous = FULL`, so an answer that
/// was acknowledged survives a power loss, and a busy timeout lets two processes write in turn.
public final class Store: Sendable {
    let pool: any DatabaseWriter
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// With `readOnly`, an existing database is opened for reading only: nothing is written, not even a
    /// migration, so that reading commands work on a file they may not write. A database that does not
    /// exist yet, or is of an older schema and writable, is opened as without `readOnly`.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -131072")
        }
        do {
            if readOnly, FileManager.default.fileExists(atPath: path) {
                var reading = configuration
                reading.readonly = true
                let reader: any DatabaseWriter
                do {
                    reader = try DatabasePool(path: path, configuration: reading)
                } catch  where !FileManager.default.isWritableFile(atPath: path) {
                    // A read-only file in a read-only folder, without the WAL's shared-memory file: SQLite
                    // reads it as immutable when its build takes URIs.
                    reader = try DatabaseQueue(path: "file:\(path)?immutable=1", configuration: reading)
                }
                try Store.refuseNewer(reader, path: path)
                if try reader.read({ try Migrations.migrator.hasCompletedMigrations($0) }) {
                    pool = reader
                    return
                }
                guard FileManager.default.isWritableFile(atPath: path) else {
                    throw StoreError.cannotOpen(
                        path: path,
                        reason: "it is read-only and of an older version; open it once where it can be written")
                }
                try reader.close()
            }
            pool = try Store.openWriter(path: path, configuration: configuration)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Store.describe(error))
        }
    }

    /// Opens the database for writing and brings its schema up to date.
    ///
    /// Two processes opening a new database at once contend where SQLite does not wait: switching the new
    /// file to WAL can fail at once with "database is locked", and both can find a migration not yet applied
    /// (GRDB reads that outside the migration's transaction), the second then failing on what the first
    /// created. The loser tries the whole opening again, briefly, unless it finds the schema complete.
    private static func openWriter(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempts = 0
        while true {
            var opened: DatabasePool?
            do {
                if FileManager.default.fileExists(atPath: path) {
                    // Looked at before the writer opens: opening it writes (GRDB makes sure the WAL exists).
                    var reading = configuration
                    reading.readonly = true
                    let reader = try DatabaseQueue(path: path, configuration: reading)
                    try refuseNewer(reader, path: path)
                    try reader.close()
                }
                let pool = try DatabasePool(path: path, configuration: configuration)
                opened = pool
                try Migrations.migrator.migrate(pool)
                return pool
            } catch let error as StoreError {
                throw error
            } catch  where attempts < 5 {
                attempts += 1
                if let opened, try opened.read({ try Migrations.migrator.hasCompletedMigrations($0) }) {
                    return opened
                }
                usleep(UInt32(50_000 * attempts))
            }
        }
    }

    /// Refuses a database a newer release has migrated: this release cannot know what its schema means, and
    /// writing with the older rules could break what the newer one keeps there.
    private static func refuseNewer(_ database: any DatabaseReader, path: String) throws {
        let unknown = try database.read { db in
            let known = Set(Migrations.migrator.migrations)
            return try Migrations.migrator.appliedIdentifiers(db).subtracting(known).sorted()
        }
        guard unknown.isEmpty else { throw StoreError.newerRelease(path: path, migrations: unknown) }
    }

    /// The migrations applied to the database, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Store.storeError(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Store.storeError(error)
        }
    }

    /// A database error as the store reports it: busy, full and read-only apart, so that a caller can say
    /// what to do.
    static func storeError(_ error: any Error) -> StoreError {
        guard let failure = StoreFailure(error), !failure.isOther else { return .database(describe(error)) }
        return .unavailable(failure, describe(error))
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

/// What can go wrong with the database, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case database(String)
    /// The database could not be used now (busy, full, read-only), with SQLite's words.
    case unavailable(StoreFailure, String)
    case unknownInspection(UUID)
    case noPlanVersion(Int)
    /// A request the store will not carry out, with the reason.
    case refused(String)
    /// A result has had as many versions as it may have.
    case lastVersion(item: String)
    /// The database holds migrations this release does not know: a newer release made it.
    case newerRelease(path: String, migrations: [String])

    /// What went wrong, in one line with what to do.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open database \(path): \(reason)"
        case .database(let reason), .unavailable(_, let reason): return "database: \(reason)"
        case .unknownInspection(let id): return "no inspection \(id)"
        case .noPlanVersion(let version): return "no plan version \(version); `ecv plan list` shows the stored ones"
        case .refused(let reason): return reason
        case .newerRelease(let path, let migrations):
            let names = migrations.map { "`\(TerminalText.escaped($0))`" }.joined(separator: ", ")
            return "cannot open database \(path): it was made by a newer ecv (its migration \(names) is unknown "
                + "to this release); nothing was changed; open it with that release or a newer one"
        case .lastVersion(let item):
            return "\(item) has reached its last version (\(ResultRecord.maximumVersion)); nothing was recorded"
        }
    }
}
