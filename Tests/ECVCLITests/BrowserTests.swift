import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// The web form in a real browser: `ecv serve` on 127.0.0.1 at a free port, driven by headless Chromium
/// through Selenium (Debian's `chromium`, `chromium-driver`, `python3-selenium`; `.ci/run` installs them).
@Suite struct BrowserTests {
    static let script = ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVCLITests/Browser/fill_checklist.py")

    @Test func anEngineerFillsThePowerChecklistInABrowser() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let plan = try ECVRunner.run(["plan", "--iterations", "300", "--format", "json"] + root)
        #expect(plan.status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let visit = try #require(
            (document["routes"] as? [[String: Any]] ?? []).flatMap { ($0["stops"] as? [[String: Any]]) ?? [] }
                .flatMap { ($0["visits"] as? [[String: Any]]) ?? [] }.first {
                    $0["vehicle"] as? String == "HLJ-FIRE-01"
                })
        let day = String((visit["start"] as? String ?? "").prefix(10))

        let catalog = CatalogLoader.load(root: folder.url).catalog
        let vehicle = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01")).vehicle
        let answers = catalog.items(applyingTo: vehicle).filter { $0.subsystem == .power }.map { item in
            item.fullID == "power.generator-start"
                ? ["item": item.fullID, "value": "fail", "note": "starter relay dead", "status": "fail"]
                : ["item": item.fullID, "value": item.passingAnswer, "note": "", "status": "pass"]
        }
        let answersJSON = String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)

        let server = try ECVRunner.start(["serve", "--port", "0", "--engineer", "Zhang Wei"] + root)
        defer {
            server.interrupt()
            _ = try? server.wait()
        }
        let line = try #require(server.line(containing: "listening on", within: 30))
        let address = try #require(line.split(separator: " ").last.map(String.init))
        #expect(address.hasPrefix("http://127.0.0.1:"))

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let screenshot = folder.url.appendingPathComponent("form.png").path
        browser.arguments = [Self.script.path, address, day, "HLJ-FIRE-01", answersJSON, screenshot]
        let output = Pipe()
        browser.standardOutput = output
        browser.standardError = output
        try browser.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("verdict NOT DEPLOYABLE"))
        #expect(printed.hasSuffix("OK\n"))

        // What the browser entered is in the database, by the engineer named.
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.contains("power.generator-start: fail — starter relay dead"))
        #expect(history.stdout.contains("Zhang Wei@"))
        if let target = ProcessInfo.processInfo.environment["ECV_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: screenshot, toPath: target)
        }
    }
}
