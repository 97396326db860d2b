import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// The web form in a real browser: `ecv serve` on 127.0.0.1, driven by headless Chromium through Selenium.
///
/// Debian's `chromium`, `chromium-driver` and `python3-selenium`, and axe-core from PyPI's `axe-selenium-python`:
/// `.ci/run` installs them. The script starts and stops the server itself, to stop it under an open page.
@Suite struct BrowserTests {
    static let script = ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVCLITests/Browser/field_form.py")
    static let cjkVehicle = "消防-01"

    @Test(.needs(.chromium, .chromedriver, .selenium, .axe))
    func anEngineerFillsThePowerChecklistOnALaptopAndAPhone() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        // A vehicle whose id is not ASCII, as `ecv validate` allows.
        let routes = folder.url.appendingPathComponent("Routes/northeast.yaml")
        try String(contentsOf: routes, encoding: .utf8).replacingOccurrences(of: "HLJ-FIRE-02", with: Self.cjkVehicle)
            .write(to: routes, atomically: true, encoding: .utf8)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["validate"] + root).status == 0)
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
        let power = catalog.items(applyingTo: vehicle).filter { $0.subsystem == .power }
        let outside = try #require(power.first { $0.fullID == "power.grounding" })
        let offline = try #require(power.last { $0.kind == .check })
        // The first answer is the critical failure; the rest pass, except the two answered below.
        let answers = power.filter { $0.fullID != outside.fullID && $0.fullID != offline.fullID }.map { item in
            item.fullID == "power.generator-start"
                ? ["item": item.fullID, "value": "fail", "note": "启动继电器损坏", "kind": item.kind.name]
                : ["item": item.fullID, "value": item.passingAnswer, "note": "", "kind": item.kind.name]
        }
        #expect(answers.first?["item"] == "power.generator-start")
        let shots = folder.url.appendingPathComponent("shots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let configuration: [String: Any] = [
            "ecv": ECVRunner.binary.path, "root": folder.url.path, "engineer": "Zhang Wei", "vehicle": "HLJ-FIRE-01",
            "cjkVehicle": Self.cjkVehicle, "day": day, "answers": answers,
            "outside": ["item": outside.fullID, "value": "4,8 Ω", "note": "接地桩锈蚀"],
            "offline": ["item": offline.fullID, "value": "pass"], "shots": shots.path,
        ]

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        browser.arguments = [
            Self.script.path,
            String(decoding: try JSONSerialization.data(withJSONObject: configuration), as: UTF8.self),
        ]
        let output = Pipe()
        browser.standardOutput = output
        browser.standardError = output
        try browser.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0, "\(printed)")
        #expect(printed.hasSuffix("OK\n"), "\(printed)")

        // What the browser entered is in the database, by the engineer named — the answer given while the
        // server was down too.
        let history = try ECVRunner.run(["history", "HLJ-FIRE-01"] + root)
        #expect(history.stdout.contains("power.generator-start: fail — 启动继电器损坏"))
        #expect(history.stdout.contains("power.grounding: fail (4.8) — 接地桩锈蚀"))
        #expect(history.stdout.contains("\(offline.fullID): pass"))
        #expect(history.stdout.contains("Zhang Wei@"))
        let cjk = try ECVRunner.run(["history", Self.cjkVehicle] + root)
        #expect(cjk.stdout.contains(": pass"), "\(cjk.stdout)")
        if let target = ProcessInfo.processInfo.environment["ECV_SCREENSHOTS"] {
            for name in ["form-1366.png", "form-390.png", "not-saved-1366.png", "board-390.png", "today-390.png"] {
                let destination = URL(fileURLWithPath: target).appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: shots.appendingPathComponent(name), to: destination)
            }
        }
        print(printed)
    }
}
