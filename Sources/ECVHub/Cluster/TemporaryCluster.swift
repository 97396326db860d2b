import Foundation

/// A throwaway PostgreSQL cluster: `initdb` into a temporary folder, a server on 127.0.0.1 at a free port,
/// one database; `stop()` (or releasing the value) stops the server and removes the folder.
///
/// PostgreSQL refuses to run as root, so as root the cluster's folder is handed to an unprivileged user
/// (`postgres` when it exists, else `nobody`) and the server programs run as that user through `runuser`.
/// The cluster trusts every local connection and writes without fsync: it holds nothing worth keeping.
public final class TemporaryCluster: @unchecked Sendable {
    /// `postgres://ecv@127.0.0.1:PORT/DATABASE`, for `--database` and `HubStore.open`.
    public let url: String
    /// The port the server listens on, on 127.0.0.1.
    public let port: Int
    /// The folder holding the cluster's data, socket and log.
    public let folder: URL
    private let steps: ClusterSteps
    private let lock = NSLock()
    private var stopped = false

    /// The user name that owns the cluster's databases.
    public static let superuser = "ecv"

    /// Creates, starts and fills a cluster with one empty database named `database`.
    public init(database: String = "ecv_hub") throws(ClusterError) {
        guard let programs = PostgreSQLPrograms.find() else { throw .programsMissing }
        let runAs = try SystemUser.unprivileged()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ecv-pg-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .failed("create \(folder.path)", error.localizedDescription)
        }
        if let runAs { chown(folder.path, runAs.uid, runAs.gid) }
        let steps = ClusterSteps(programs: programs, runAs: runAs, folder: folder)
        do {
            port = try steps.create(database: database)
        } catch {
            steps.stop()
            throw error
        }
        self.steps = steps
        self.folder = folder
        url = "postgres://\(TemporaryCluster.superuser)@127.0.0.1:\(port)/\(database)"
    }

    deinit {
        stop()
    }

    /// Creates another empty database in the cluster and returns its URL.
    public func createDatabase(_ name: String) throws(ClusterError) -> String {
        try steps.createDatabase(name, port: port)
        return "postgres://\(TemporaryCluster.superuser)@127.0.0.1:\(port)/\(name)"
    }

    /// Stops the server at once and removes the folder; a second call does nothing.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { steps.stop() }
    }
}

/// The programs a cluster's life runs, each to its end.
struct ClusterSteps: Sendable {
    var programs: PostgreSQLPrograms
    var runAs: SystemUser?
    var folder: URL

    private var dataFolder: URL { folder.appendingPathComponent("data") }

    /// Makes the cluster, starts its server and creates `database`; returns the server's port.
    func create(database: String) throws(ClusterError) -> Int {
        try run(
            "initdb",
            [
                "--pgdata", dataFolder.path, "--username", TemporaryCluster.superuser, "--auth", "trust",
                "--encoding", "UTF8", "--no-locale", "--no-sync",
            ])
        // Another program may take the free port between the look and the start: try a few.
        var failure = ClusterError.failed("pg_ctl start", "no free port")
        for _ in 0..<3 {
            let port = try FreePort.find()
            do {
                try start(port: port)
            } catch {
                failure = error
                continue
            }
            try createDatabase(database, port: port)
            return port
        }
        throw failure
    }

    func createDatabase(_ name: String, port: Int) throws(ClusterError) {
        try run(
            "createdb", ["--host", "127.0.0.1", "--port", "\(port)", "--username", TemporaryCluster.superuser, name],
            asOwner: false)
    }

    private func start(port: Int) throws(ClusterError) {
        let log = folder.appendingPathComponent("server.log")
        do {
            try run(
                "pg_ctl",
                [
                    "--pgdata", dataFolder.path, "--log", log.path, "--wait", "--timeout", "120", "start", "--options",
                    "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder.path) -c fsync=off -c full_page_writes=off",
                ])
        } catch {
            // pg_ctl only says to look at the log: the reason is the log's.
            throw .failed("pg_ctl start", (try? String(contentsOf: log, encoding: .utf8)) ?? "\(error)")
        }
    }

    /// Stops the server, if it runs, at once (nothing in it is kept) and removes the folder.
    func stop() {
        if FileManager.default.fileExists(atPath: dataFolder.appendingPathComponent("postmaster.pid").path) {
            try? run("pg_ctl", ["--pgdata", dataFolder.path, "--mode", "immediate", "--wait", "stop"])
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a program to its end, as the cluster's owner unless told otherwise; its output is the error's.
    private func run(_ name: String, _ arguments: [String], asOwner: Bool = true) throws(ClusterError) {
        let program = programs.program(name).path
        let command =
            asOwner && runAs != nil ? ["/usr/sbin/runuser", "-u", runAs?.name ?? "", "--", program] : [program]
        // A file, not a pipe: the server pg_ctl starts would hold a pipe open for as long as it runs.
        let log = folder.appendingPathComponent("step-\(UUID().uuidString.prefix(8)).out")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = ChildProcess.run(command + arguments, output: log.path)
        guard status == 0 else {
            throw .failed(name, (try? String(contentsOf: log, encoding: .utf8)) ?? "exit status \(status)")
        }
    }
}

/// Why a throwaway cluster could not be had.
public enum ClusterError: Error, CustomStringConvertible, Equatable {
    case programsMissing
    case noUnprivilegedUser
    case failed(String, String)

    /// What went wrong, in one line with what PostgreSQL said.
    public var description: String {
        switch self {
        case .programsMissing:
            return "PostgreSQL's programs (initdb, pg_ctl, createdb) are not installed; "
                + "install them with `\(PostgreSQLPrograms.installHint)`"
        case .noUnprivilegedUser:
            return "PostgreSQL does not run as root and neither user `postgres` nor `nobody` exists to run it"
        case .failed(let step, let output):
            let last = output.split(separator: "\n").last.map(String.init) ?? ""
            return "the temporary PostgreSQL cluster failed at `\(step)`" + (last.isEmpty ? "" : ": \(last)")
        }
    }
}
