import ECVHub
import ECVTestSupport
import Foundation

/// PostgreSQL's client programs (`psql`, `pg_dump`, `pg_restore`), run as an administrator of a test's cluster
/// would run them.
public enum PostgreSQLShell {
    /// Runs `psql` with `sql` on `database`: the rows it prints, one a line, columns split by `|`.
    public static func query(_ sql: String, on database: String) throws -> [String] {
        try run("psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql])
            .split(separator: "\n").map(String.init)
    }

    /// The one number `sql` gives.
    public static func count(_ sql: String, on database: String) throws -> Int {
        let rows = try query(sql, on: database)
        guard rows.count == 1, let number = Int(rows[0]) else {
            throw TestSupportError.setup("psql `\(sql)` gave \(rows), not one number")
        }
        return number
    }

    /// Waits until `sql` gives `expected`, looking every tenth of a second; fails after `seconds` (a bound that
    /// only ends a hung test: the condition is what the test waits for).
    public static func wait(until sql: String, gives expected: Int, on database: String, within seconds: Double = 600)
        throws
    {
        let deadline = Date().addingTimeInterval(seconds)
        while try count(sql, on: database) != expected {
            guard Date() < deadline else {
                throw TestSupportError.setup("`\(sql)` did not give \(expected) within \(Int(seconds)) s")
            }
            usleep(100_000)
        }
    }

    /// Runs one of PostgreSQL's programs to its end and returns what it printed; a failure throws with its errors.
    @discardableResult
    public static func run(_ name: String, _ arguments: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecv-psql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = try program(name)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // Files, not pipes: a pipe nobody reads fills and stops the program.
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let printed = try String(contentsOf: out, encoding: .utf8)
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw TestSupportError.setup("\(name) \(arguments.joined(separator: " ")): \(errors)")
        }
        return printed
    }

    /// The program `name`: on `PATH`, else beside the server programs.
    public static func program(_ name: String) throws -> URL {
        let folders = PostgreSQLPrograms.find().map { [$0.folder.path] } ?? []
        guard let url = ExternalTool.executable(named: name, extraFolders: folders) else {
            throw TestSupportError.setup("\(name) is not installed (\(ExternalTool.postgresqlClient))")
        }
        return url
    }
}

/// A `psql` session that stays open between statements, as an administrator's terminal does: a transaction begun
/// in it holds its locks until `end(with:)`.
public final class PostgreSQLSession {
    private let process = Process()
    private let input = Pipe()

    /// Opens a session on `database`.
    public init(on database: String) throws {
        process.executableURL = try PostgreSQLShell.program("psql")
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Sends `sql` without waiting for it: the caller looks at the database for its effect.
    public func send(_ sql: String) {
        input.fileHandleForWriting.write(Data((sql + "\n").utf8))
    }

    /// Sends `sql` (`COMMIT;`, `ROLLBACK;`), closes the session and waits until psql has ended.
    public func end(with sql: String) {
        send(sql)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
