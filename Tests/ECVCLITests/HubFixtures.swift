import ECVTestSupport
import Foundation
import Testing

/// A folder with the sample catalog, its own database and keys: the office or one laptop.
struct SyncPlace {
    let folder: TemporaryFolder
    var root: [String] { ["--root", folder.url.path] }

    init() throws { folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog) }

    /// Runs `ecv arguments… --root FOLDER` and expects it to succeed.
    @discardableResult
    func run(_ arguments: [String], _ comment: String = "") throws -> ECVRunner.Result {
        let result = try ECVRunner.run(arguments + root)
        #expect(result.status == 0, "ecv \(arguments.joined(separator: " ")): \(result.stderr) \(comment)")
        return result
    }

    /// The path of `keys/NAME`.
    func key(_ name: String) -> String { folder.url.appendingPathComponent("keys/\(name)").path }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { folder.url.appendingPathComponent(name).path }

    /// Makes the office's keys (`keys init`, and its bundle key `office`) here.
    func makeOfficeKeys() throws {
        try run(["keys", "init"])
        try run(["keys", "init", "--laptop", "office"])
    }

    /// Makes laptop `name`'s bundle key here and takes the office's public key, which travels once, by hand: with
    /// it a laptop checks the keys the hub hands on.
    func makeLaptopKey(_ name: String, officeAt office: SyncPlace) throws {
        try run(["keys", "init", "--laptop", name])
        try FileManager.default.copyItem(
            atPath: office.key("office-ed25519.pub"), toPath: key("office-ed25519.pub"))
    }

    /// The readiness board as CSV.
    func board() throws -> String { try run(["status", "--format", "csv"]).stdout }

    /// A new folder whose board is built from bundles carried by hand: the office's Routes/, and each laptop's work
    /// exported with `ecv export --all` and brought in with `ecv import`.
    static func carrying(_ laptops: [(SyncPlace, String)], routesOf office: SyncPlace) throws -> SyncPlace {
        let carried = try SyncPlace()
        try FileManager.default.removeItem(at: carried.folder.url.appendingPathComponent("Routes"))
        try FileManager.default.copyItem(
            at: office.folder.url.appendingPathComponent("Routes"),
            to: carried.folder.url.appendingPathComponent("Routes"))
        for (laptop, name) in laptops {
            try carried.run(["laptops", "enroll", name, laptop.key("laptop-\(name)-ed25519.pub")])
            let file = carried.path("\(name).ecvbundle")
            try laptop.run(["export", "--all", "--out", file])
            try carried.run(["import", file])
        }
        return carried
    }
}

/// A running `ecv hub serve`, and the address it listens on.
struct HubProcess {
    let process: ECVRunner.Running
    /// `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`.
    let url: String

    /// The port in `url`.
    var port: String { String(url.split(separator: ":").last ?? "") }

    /// Runs `ecv hub migrate` on `database` with the office key of `office`.
    static func migrate(_ database: String, officeAt office: SyncPlace) throws {
        let result = try ECVRunner.run(
            ["hub", "migrate", "--database", database, "--office-key", office.key("office-ed25519.pub")])
        guard result.status == 0 else { throw TestSupportError.setup("ecv hub migrate: \(result.stderr)") }
    }

    /// Starts `ecv hub serve arguments…` and waits until it listens.
    static func start(_ arguments: [String]) throws -> HubProcess {
        let hub = try ECVRunner.start(["hub", "serve"] + arguments)
        guard let line = hub.line(containing: "listening on", within: 120),
            let range = line.range(of: "https?://127.0.0.1:[0-9]+", options: .regularExpression)
        else {
            hub.kill()
            let output = try hub.wait()
            throw TestSupportError.setup("the hub did not start: \(output.stdout) \(output.stderr)")
        }
        return HubProcess(process: hub, url: String(line[range]))
    }

    /// Starts `ecv hub serve arguments… --port P` on a port below the system's ephemeral range, so that the hub
    /// can be started again on it after a stop or a kill (`ListeningPort`).
    static func startOnAPortToComeBackTo(_ arguments: [String]) throws -> HubProcess {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try start(arguments + ["--port", "\(ListeningPort.belowTheEphemeralRange())"])
            } catch  where attempt < 10 {
                continue  // that port was taken: another
            }
        }
    }

    /// Asks the hub to stop, as Ctrl-C does, and waits until it has.
    func stop() {
        process.interrupt()
        _ = try? process.wait()
    }
}
