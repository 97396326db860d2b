import ECVCatalog
import ECVModel
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// The vehicle inspection report: what it says, that it says it safely, and its signature.
@Suite struct VehicleReportTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog

    static func results(failing failed: String? = nil, vehicle: Vehicle) -> [ItemResult] {
        catalog.items(applyingTo: vehicle).map { item in
            item.fullID == failed
                ? ItemResult(itemID: item.fullID, status: .fail, note: "starter relay dead")
                : ItemResult(itemID: item.fullID, status: .pass)
        }
    }

    @Test func aCriticalFailureLeadsTheReportInTheClientsLanguage() throws {
        let placement = try #require(Self.catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let history = Self.results(failing: "power.generator-start", vehicle: placement.vehicle)
        let zh = try VehicleReport(
            placement: placement, catalog: Self.catalog,
            history: VehicleHistory(vehicleID: "HLJ-FIRE-01", results: history), language: .zh
        ).html()
        #expect(zh.contains("不可出动"))
        #expect(zh.contains("发电机启动"))
        #expect(zh.contains("修复后复检，复检合格前不得出动"))
        #expect(zh.contains("starter relay dead"))
        // Within the power section the failed item comes first.
        let power = try #require(zh.range(of: "供电系统</h2>"))
        let section = zh[power.upperBound...]
        let failed = try #require(section.range(of: "power.generator-start"))
        for other in ["power.generator-voltage", "power.grounding"] {
            #expect(try #require(section.range(of: other)).lowerBound > failed.lowerBound)
        }
        let en = try VehicleReport(
            placement: placement, catalog: Self.catalog,
            history: VehicleHistory(vehicleID: "HLJ-FIRE-01", results: history), language: .en
        ).html()
        #expect(en.contains("NOT DEPLOYABLE"))
        #expect(!en.contains("不可出动"))
    }

    @Test func theResultsCSVHasOneRowPerItem() throws {
        let placement = try #require(Self.catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let items = Self.catalog.items(applyingTo: placement.vehicle)
        var history = Self.results(failing: "power.generator-start", vehicle: placement.vehicle)
        history.removeLast()
        let csv = VehicleReport(
            placement: placement, catalog: Self.catalog,
            history: VehicleHistory(vehicleID: "HLJ-FIRE-01", results: history), language: .en
        ).csv()
        let rows = csv.split(separator: "\r\n")
        #expect(rows.count == items.count + 1)
        #expect(
            rows.contains {
                $0.hasPrefix("HLJ-FIRE-01,hlj-fire,power,power.generator-start,")
                    && $0.hasSuffix(",fail,,,,starter relay dead")
            })
        #expect(rows.last?.contains(",untested,") == true)
    }

    @Test func textFromInputIsShownAsTextNeverAsMarkup() throws {
        var catalog = Self.catalog
        let placement = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let index = try #require(catalog.clients.firstIndex { $0.id == placement.site.clientID })
        catalog.clients[index].name = LocalizedText("<script>alert(\"x\")</script> & 'Co'")
        // A quote followed by a combining mark is one Character, yet a browser ends an attribute at its quote.
        let note = "<img src=x onerror=alert(1)> \"\u{301} onmouseover=alert(2)"
        let history = [ItemResult(itemID: "power.generator-start", status: .fail, note: note)]
        let html = try VehicleReport(
            placement: placement, catalog: catalog, history: VehicleHistory(vehicleID: "HLJ-FIRE-01", results: history),
            language: .en
        ).html()
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &quot;\u{301} onmouseover"))
        #expect(!html.utf8.contains(Array("\"\u{301}".utf8)), "a quote hidden behind a combining mark is escaped")
    }

    @Test func theSameFactsGiveTheSameContentHash() throws {
        let placement = try #require(Self.catalog.placement(ofVehicle: "HLJ-FIRE-01"))
        let history = Self.results(vehicle: placement.vehicle)
        let first = VehicleReport(
            placement: placement, catalog: Self.catalog,
            history: VehicleHistory(vehicleID: "HLJ-FIRE-01", results: history), language: .zh)
        let again = VehicleReport(
            placement: placement, catalog: Self.catalog,
            history: VehicleHistory(vehicleID: "HLJ-FIRE-01", results: history), language: .zh)
        let changed = VehicleReport(
            placement: placement, catalog: Self.catalog,
            history: VehicleHistory(
                vehicleID: "HLJ-FIRE-01", results: Self.results(failing: "power.grounding", vehicle: placement.vehicle)),
            language: .zh)
        #expect(first.contentSHA256 == again.contentSHA256)
        #expect(first.contentSHA256 != changed.contentSHA256)
        #expect(first.reportID.hasPrefix("VR-HLJ-FIRE-01-"))
    }

    @Test func fileNamesNeverLeaveTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        let files = ReportFiles(folder: folder.url.appendingPathComponent("out"))
        for id in ["../../etc/passwd", "/abs/path", "..", "a/b\\c", "名字", ""] {
            let url = files.url(kind: "vehicle", id: id, language: "zh", extension: "html")
            #expect(url.deletingLastPathComponent().path == files.folder.path, "\(id)")
            try files.write("x", to: url)
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: files.folder.path)
        #expect(written.count == 6, "no two ids share a name")
        #expect(written.allSatisfy { !$0.contains("/") && !$0.contains("\\") && !$0.hasPrefix(".") })
    }

    @Test func anOutputFolderThatCannotBeMadeIsNamedWithTheSystemsReason() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let files = ReportFiles(folder: file.appendingPathComponent("out"))
        let url = files.url(kind: "vehicle", id: "HLJ-FIRE-01", language: "zh", extension: "html")
        #expect(throws: ReportError.cannotWrite("cannot create the folder \(files.folder.path): Not a directory")) {
            try files.write("x", to: url)
        }
    }

    @Test func aSignedReportVerifiesUntilAByteChanges() throws {
        let folder = try TemporaryFolder()
        let keys = folder.url.appendingPathComponent("keys")
        let signer = try ReportSigner.createKeys(in: keys)
        #expect(throws: SigningError.self) { try ReportSigner.createKeys(in: keys) }
        let attributes = try FileManager.default.attributesOfItem(
            atPath: keys.appendingPathComponent(ReportSigner.privateKeyName).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let file = folder.url.appendingPathComponent("report.html")
        try Data("<p>HLJ-FIRE-01 不可出动</p>".utf8).write(to: file)
        try signer.signFile(file)
        try ReportSigner.load(from: keys).verify(file)

        var bytes = try Data(contentsOf: file)
        bytes[5] ^= 0x01
        try bytes.write(to: file)
        #expect(throws: SigningError.changed(file.path)) { try signer.verify(file) }

        let other = try ReportSigner.createKeys(in: folder.url.appendingPathComponent("other"))
        try Data("<p>x</p>".utf8).write(to: file)
        try other.signFile(file)
        #expect(throws: SigningError.wrongKey(other.fingerprint)) { try signer.verify(file) }
        try FileManager.default.removeItem(atPath: file.path + ".sig")
        #expect(throws: SigningError.noSignature(file.path + ".sig")) { try signer.verify(file) }
    }
}
