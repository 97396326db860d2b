import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// The vehicle every test inspects.
private let vehicle = "HLJ-FIRE-01"

/// One inspection lifecycle whatever enters the answers: `ecv inspect`, `ecv record` and the web form open an
/// inspection with the first answer, close it when complete, and make it a re-check when the vehicle has a
/// failure pending repair — through the real binary and the real server.
@Suite struct InspectionLifecycleTests {

    struct Sample {
        let folder: TemporaryFolder
        /// The items that apply to the vehicle, in the order the inspection asks them.
        let items: [ChecklistItem]

        init() throws {
            folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            let catalog = CatalogLoader.load(root: folder.url).catalog
            items = catalog.items(applyingTo: try #require(catalog.placement(ofVehicle: vehicle)).vehicle)
        }

        func ecv(_ arguments: [String], input: String? = nil) throws -> ECVRunner.Result {
            let run = try ECVRunner.run(arguments + ["--root", folder.url.path], input: input)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return run
        }

        /// `ecv record` of every item, each passing but `failing`, which fails with a note.
        func recordAll(failing: String? = nil) throws {
            let answers = items.map { "\($0.fullID)=\($0.fullID == failing ? "fail" : $0.passingAnswer)" }
            let notes = failing.map { ["--note", "\($0)=relay dead"] } ?? []
            _ = try ecv(["record", vehicle] + answers + notes)
        }

        /// `ecv history`'s lines about inspections: `recheck inspection 0194… by …, finished …`.
        func inspections() throws -> [String] {
            try ecv(["history", vehicle]).stdout.split(separator: "\n").map(String.init)
                .filter { $0.contains(" inspection ") && !$0.contains("  inspection ") }
        }
    }

    @Test func quittingInspectBeforeTheFirstAnswerStoresNothing() throws {
        let sample = try Sample()
        _ = try sample.ecv(["inspect", vehicle, "--engineer", "Zhang Wei"], input: "q\n")
        #expect(try sample.ecv(["history", vehicle]).stdout.hasPrefix("\(vehicle): 0 inspections\n"))
        try sample.recordAll()
        _ = try sample.ecv(["inspect", vehicle, "--engineer", "Zhang Wei"], input: "q\n")
        let inspections = try sample.inspections()
        #expect(inspections.count == 1, "\(inspections)")
    }

    @Test func aRecheckEnteredWithRecordIsARecheckAndClosesWithItsFailedItem() throws {
        let sample = try Sample()
        let failing = "power.generator-start"
        try sample.recordAll(failing: failing)
        #expect(try sample.inspections().first?.contains("full inspection") == true)
        #expect(try sample.inspections().first?.contains(", finished ") == true)
        _ = try sample.ecv(["record", vehicle, "\(failing)=pass", "--note", "\(failing)=relay replaced"])
        let inspections = try sample.inspections()
        #expect(inspections.count == 2, "\(inspections)")
        #expect(inspections.last?.contains("recheck inspection") == true, "\(inspections)")
        #expect(inspections.last?.contains(", finished ") == true, "\(inspections)")
    }

    @Test func inspectAfterAFailureRechecksOnlyTheFailedItemAndClosesIt() throws {
        let sample = try Sample()
        let failing = "power.generator-start"
        try sample.recordAll(failing: failing)
        let run = try sample.ecv(["inspect", vehicle, "--engineer", "Li Na"], input: "p\n")
        #expect(run.stdout.contains("re-check of \(vehicle): the 1 failed items, after repair"), "\(run.stdout)")
        #expect(run.stdout.contains("[1/1] \(failing)"), "\(run.stdout)")
        #expect(run.stdout.contains("\(vehicle): DEPLOYABLE\n"), "\(run.stdout)")
        let inspections = try sample.inspections()
        #expect(inspections.last?.contains("recheck inspection") == true, "\(inspections)")
        #expect(inspections.last?.contains(", finished ") == true, "\(inspections)")
    }

    @Test func aRecheckStaysOpenUntilEveryFailedItemHasANewResult() throws {
        let sample = try Sample()
        try sample.recordAll(failing: "power.generator-start")
        let second = try #require(sample.items.last { $0.fullID != "power.generator-start" })
        _ = try sample.ecv(["record", vehicle, "\(second.fullID)=fail", "--note", "\(second.fullID)=broken"])
        // A fail after a full inspection opens a re-check of the earlier failure, which that fail does not answer.
        let open = try sample.inspections()
        #expect(open.last?.contains("recheck inspection") == true && open.last?.hasSuffix(", open") == true, "\(open)")
        _ = try sample.ecv(["record", vehicle, "power.generator-start=pass"])
        let closed = try sample.inspections()
        #expect(closed.count == 2 && closed.last?.contains(", finished ") == true, "\(closed)")
    }

    @Test func aVehicleReportNamesTheRecheckEnteredWithRecord() throws {
        let sample = try Sample()
        let failing = "power.generator-start"
        try sample.recordAll(failing: failing)
        _ = try sample.ecv(["record", vehicle, "\(failing)=pass"])
        let out = sample.folder.url.appendingPathComponent("out")
        _ = try sample.ecv(["report", "vehicle", vehicle, "--lang", "en", "--out", out.path])
        let file = try #require(
            FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.first {
                $0.hasSuffix(".html")
            })
        let html = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        #expect(html.contains("Recheck after repair"), "the season table names the recheck")
    }

    @Test func aWebFormInspectionAnsweredCompletelyClosesAndOpeningTheFormStoresNothing() throws {
        let sample = try Sample()
        let server = try ECVRunner.start(["serve", "--port", "0", "--root", sample.folder.url.path])
        defer {
            server.interrupt()
            _ = try? server.wait()
        }
        let line = try #require(server.line(containing: "listening on", within: 60))
        let port = try #require(URLComponents(string: String(line.split(separator: " ").last ?? ""))?.port)
        let page = try RawHTTP.send(
            port: port, head: ["GET /vehicles/\(vehicle)/power HTTP/1.1", "Host: 127.0.0.1:\(port)"])
        #expect(page.status == 200)
        #expect(try sample.ecv(["history", vehicle]).stdout.hasPrefix("\(vehicle): 0 inspections\n"))
        let html = String(decoding: page.body, as: UTF8.self)
        let marker = "name=\"csrf\" value=\""
        let start = try #require(html.range(of: marker)?.upperBound)
        let csrf = String(html[start...].prefix { $0 != "\"" })
        for item in sample.items {
            let body = Data("csrf=\(csrf)&item=\(item.fullID)&value=\(item.passingAnswer)&note=".utf8)
            let reply = try RawHTTP.send(
                port: port,
                head: [
                    "POST /vehicles/\(vehicle)/answers HTTP/1.1", "Host: 127.0.0.1:\(port)",
                    "Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.count)",
                    "Accept: application/json",
                ], body: body)
            #expect(reply.status == 200, "\(item.fullID): \(String(decoding: reply.body, as: UTF8.self))")
        }
        let inspections = try sample.inspections()
        #expect(inspections.count == 1 && inspections.first?.contains("full inspection") == true, "\(inspections)")
        #expect(inspections.first?.contains(", finished ") == true, "\(inspections)")
    }
}
