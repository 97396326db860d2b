import ECVModel
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// The dispatcher's pages in a real browser: a live hub holding a published plan, two laptops' work and a refused
/// push, driven by headless Chromium through Selenium at 1366 px and 390 px, every page checked by axe-core.
///
/// Debian's `chromium`, `chromium-driver` and `python3-selenium`, and axe-core from PyPI's `axe-selenium-python`.
/// With `ECV_SCREENSHOTS=FOLDER` the pages' pictures are copied there as `hub-PAGE-WIDTH.png`.
@Suite(.needs(.postgresql, .chromium, .chromedriver, .selenium, .axe))
struct HubBrowserTests {
    static let script = ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVHubTests/Browser/dispatcher_pages.py")

    @Test func aDispatcherSignsInAndGoesThroughEveryPageOnALaptopAndAPhone() async throws {
        // The office's bundle: the sample season with its published plan and its failures.
        let (officeKey, officeBundle, _) = try HubPushTests.signedBundle(carryingPlan: true)
        // A laptop that found vehicles around Harbin, Jilin and Shenyang deployable.
        let laptop = try HubLaptop("ne-2", who: "Li Na")
        for (minutes, vehicle) in ["HLJ-EM-01", "HLJ-EM-02", "JL-FIRE-02", "LN-FIRE-01", "LN-EM-01"].enumerated() {
            try laptop.inspect(vehicle, minutes: Double(minutes * 30))
        }
        let laptopBundle = try laptop.export()
        let shots = try TemporaryFolder()
        let now: @Sendable () -> Date = { HubPushTests.exported }
        try await HubTestServer.with(now: now) { hub in
            _ = try await hub.office.enroll(hub.enrollment("ne-1", officeKey.publicKey, role: "office"))
            let office = hub.client(signedBy: "ne-1") { try officeKey.signature(for: $0) }
            _ = try await office.pushCatalog(HubPushTests.catalogFiles())
            _ = try await office.push(bundle: officeBundle)
            let laptopKey = try await HubPageFixture.enroll(laptop, at: hub)
            _ = try await hub.database.receive(laptopBundle, from: laptopKey, at: HubPushTests.exported).get()
            _ = try await hub.database.receive(Data("half a bundle".utf8), from: laptopKey, at: HubPushTests.exported)
            let refusal = try #require(try await hub.database.syncHealth().refusals.first).reason
            _ = try await hub.database.addUser(
                "wang.fang", role: .dispatcher, clientID: nil, password: HubSignInTests.password, at: Date())

            let catalog = HubLaptop.catalog
            let board = try await hub.database.board(catalog)
            let harbin = GeoPoint(lat: 45.75, lon: 126.63)
            let nearby = NearbyVehicles(around: harbin, radiusKm: 300, board: board, catalog: catalog).vehicles
            #expect(nearby.count >= 3)
            let configuration = BrowserConfiguration(
                base: "http://127.0.0.1:\(hub.port)", name: "wang.fang", password: HubSignInTests.password,
                shots: shots.url.path, mapDots: board.count,
                point: .init(lat: "45.75", lon: "126.63", r: "300"), nearby: nearby.map(\.row.vehicle),
                refusal: String(refusal.prefix(40)), worst: try #require(board.first).vehicle)
            let printed = try await Self.runScript(configuration)
            #expect(printed.hasSuffix("OK\n"), "\(printed)")
            print(printed)
        }
        if let target = ProcessInfo.processInfo.environment["ECV_SCREENSHOTS"] {
            for page in ["sign-in", "board", "lines", "map", "emergency", "sync"] {
                for width in [1366, 390] {
                    let name = "hub-\(page)-\(width).png"
                    let destination = URL(fileURLWithPath: target).appendingPathComponent(name)
                    try? FileManager.default.removeItem(at: destination)
                    try FileManager.default.copyItem(at: shots.url.appendingPathComponent(name), to: destination)
                }
            }
        }
    }

    /// What the script is told.
    struct BrowserConfiguration: Encodable {
        struct Point: Encodable {
            let lat: String
            let lon: String
            let r: String
        }

        let base: String
        let name: String
        let password: String
        let shots: String
        let mapDots: Int
        let point: Point
        let nearby: [String]
        let refusal: String
        let worst: String
    }

    /// Runs the script to its end on a thread of its own, so that the hub in this process goes on answering on the
    /// threads of Swift's concurrency.
    static func runScript(_ configuration: BrowserConfiguration) async throws -> String {
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        browser.arguments = [script.path, String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)]
        let output = Pipe()
        browser.standardOutput = output
        browser.standardError = output
        try browser.run()
        let (printed, status) = await withCheckedContinuation { continuation in
            Thread {
                let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                browser.waitUntilExit()
                continuation.resume(returning: (printed, browser.terminationStatus))
            }.start()
        }
        #expect(status == 0, "\(printed)")
        return printed
    }
}
