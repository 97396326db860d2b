import Foundation

/// The PostgreSQL server programs a throwaway cluster needs (`initdb`, `pg_ctl`, `createdb`), found in
/// Debian's `/usr/lib/postgresql/N/bin` (the newest N) or on `PATH`.
public struct PostgreSQLPrograms: Sendable, Equatable {
    /// The folder holding the programs.
    public let folder: URL

    /// How to install them, for the message that says they are missing.
    public static let installHint = "apt-get install -y postgresql"

    static let required = ["initdb", "pg_ctl", "createdb"]

    /// The programs, or `nil` when some are missing.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PostgreSQLPrograms?
    {
        candidates(environment: environment).first { folder in
            required.allSatisfy { FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent($0).path) }
        }.map(PostgreSQLPrograms.init(folder:))
    }

    /// Debian keeps the server programs out of `PATH`, one folder per major version: the newest comes first.
    static func candidates(environment: [String: String]) -> [URL] {
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian.path)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        let path = (environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return versions.map { debian.appendingPathComponent("\($0)/bin") } + path
    }

    /// The program `name` in the folder.
    func program(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
