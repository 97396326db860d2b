import Foundation
import Testing

/// An outside program or Python module a test runs, with how to install it.
///
/// A test that needs one says so with the trait `.needs(…)`: where the tool is missing the test is skipped
/// with the tool's name and the command that installs it; where the environment sets `ECV_REQUIRE_TOOLS=1`
/// (CI does) the test runs anyway and fails on the missing tool, so nothing is skipped there unseen.
public struct ExternalTool: Sendable, CustomStringConvertible {
    /// The name a reader knows the tool by.
    public let name: String
    /// The command that installs it on Debian.
    public let install: String
    private let isPresent: @Sendable () -> Bool

    /// A tool that is present when `isPresent` says so.
    public init(name: String, install: String, isPresent: @escaping @Sendable () -> Bool) {
        self.name = name
        self.install = install
        self.isPresent = isPresent
    }

    /// Whether the tool can be run on this machine.
    public var isAvailable: Bool { isPresent() }

    /// `name (install: command)`.
    public var description: String { "\(name) (install: \(install))" }

    /// Whether tests must fail instead of skipping when a tool is missing (`ECV_REQUIRE_TOOLS=1`).
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ECV_REQUIRE_TOOLS"] == "1" }

    /// The first place on `PATH` (then `/usr/bin`, `/usr/sbin`) that holds an executable called `name`.
    public static func executable(named name: String, extraFolders: [String] = []) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin"] + extraFolders
        return folders.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether Debian's `/usr/bin/python3` imports `module`.
    public static func pythonImports(_ module: String) -> Bool {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", "import \(module)"]
        python.standardOutput = FileHandle.nullDevice
        python.standardError = FileHandle.nullDevice
        guard (try? python.run()) != nil else { return false }
        python.waitUntilExit()
        return python.terminationStatus == 0
    }
}

extension ExternalTool {
    /// Headless Chromium, which prints the PDF reports and runs the browser tests.
    public static let chromium = ExternalTool(
        name: "chromium", install: "apt-get install -y chromium fonts-noto-cjk"
    ) { ["chromium", "chromium-browser", "google-chrome"].contains { executable(named: $0) != nil } }

    /// The WebDriver that lets Selenium drive Chromium.
    public static let chromedriver = ExternalTool(name: "chromedriver", install: "apt-get install -y chromium-driver") {
        executable(named: "chromedriver") != nil
    }

    /// Debian's Selenium for `/usr/bin/python3`.
    public static let selenium = ExternalTool(
        name: "python3 module selenium", install: "apt-get install -y python3-selenium"
    ) {
        pythonImports("selenium")
    }

    /// axe-core for Selenium, which checks pages for accessibility.
    public static let axe = ExternalTool(
        name: "python3 module axe_selenium_python",
        install: "/usr/bin/python3 -m pip install --break-system-packages axe-selenium-python==2.1.6"
    ) { pythonImports("axe_selenium_python") }

    /// An iCalendar parser independent of ours, which reads the team calendars back.
    public static let icalendar = ExternalTool(
        name: "python3 module icalendar", install: "apt-get install -y python3-icalendar"
    ) { pythonImports("icalendar") }

    /// `pdftotext`, which reads the PDF reports back.
    public static let pdftotext = ExternalTool(name: "pdftotext", install: "apt-get install -y poppler-utils") {
        executable(named: "pdftotext") != nil
    }

    /// OpenSSL 3, with which a client checks a signed report without ecv.
    public static let openssl = ExternalTool(name: "openssl", install: "apt-get install -y openssl") {
        executable(named: "openssl") != nil
    }

    /// schemathesis (`st`), which sends requests made from `docs/hub-openapi.yaml` to the hub, and Debian's
    /// `cryptography`, with which its hook signs them.
    public static let schemathesis = ExternalTool(
        name: "schemathesis (st) and python3 module cryptography",
        install:
            "/usr/bin/python3 -m pip install --break-system-packages schemathesis==4.32.5 && apt-get install -y python3-cryptography"
    ) { executable(named: "st") != nil && pythonImports("cryptography") }

    /// PostgreSQL's server programs (`initdb`, `pg_ctl`), which the hub's tests start a throwaway cluster with.
    public static let postgresql = ExternalTool(
        name: "PostgreSQL (initdb, pg_ctl)", install: "apt-get install -y postgresql"
    ) { postgreSQLHas(["initdb", "pg_ctl"]) }

    /// PostgreSQL's client programs, with which a test backs up and restores a hub's database and looks into it.
    public static let postgresqlClient = ExternalTool(
        name: "PostgreSQL's clients (psql, pg_dump, pg_restore)", install: "apt-get install -y postgresql-client"
    ) { postgreSQLHas(["psql", "pg_dump", "pg_restore"]) }

    /// Whether each program is on `PATH` or in one of Debian's `/usr/lib/postgresql/N/bin`.
    private static func postgreSQLHas(_ programs: [String]) -> Bool {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .map { "/usr/lib/postgresql/\($0)/bin" }
        return programs.allSatisfy { executable(named: $0, extraFolders: folders) != nil }
    }
}

/// Tools a test needs that this machine lacks, where `ECV_REQUIRE_TOOLS=1` forbids skipping.
public struct MissingTools: Error, CustomStringConvertible {
    /// The tools that are missing.
    public let tools: [ExternalTool]

    /// `missing: chromium (install: …); …`.
    public var description: String {
        "ECV_REQUIRE_TOOLS=1 but missing: " + tools.map(\.description).joined(separator: "; ")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where every tool is present: elsewhere it is skipped with the tools' names and how to
    /// install them, and under `ECV_REQUIRE_TOOLS=1` it fails instead.
    public static func needs(_ tools: ExternalTool..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        let comment = Comment(rawValue: "needs " + tools.map(\.description).joined(separator: ", "))
        return .enabled(comment, sourceLocation: sourceLocation) {
            let missing = tools.filter { !$0.isAvailable }
            guard missing.isEmpty else {
                if ExternalTool.isRequired { throw MissingTools(tools: missing) }
                return false
            }
            return true
        }
    }
}
