import ECVTestSupport
import Foundation
import Testing

/// `ecv keys init`, `ecv report vehicle … --format pdf` and `ecv report verify`, through the real binary.
@Suite struct ReportCommandTests {
    @Test(.needs(.chromium, .pdftotext)) func aSignedPDFReportSaysWhatTheStoreSaysAndVerifies() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["keys", "init"] + root).status == 0)
        #expect(
            try ECVRunner.run(
                ["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay"] + root
            ).status == 0)
        let out = folder.url.appendingPathComponent("reports").path
        let report = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--format", "pdf", "--out", out] + root)
        #expect(report.status == 0, "\(report.stderr)")
        let pdf = report.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(pdf == out + "/vehicle-HLJ-FIRE-01-zh.pdf")

        let content = try Self.text(ofPDF: pdf)
        #expect(content.contains("HLJ-FIRE-01"))
        #expect(content.contains("不可出动"))
        #expect(content.contains("应急通信车健康检查报告"))
        #expect(content.contains("第 1 页，共 "), "page X of Y in the page margin")

        #expect(try ECVRunner.run(["report", "verify", pdf] + root).status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: pdf))
        let changed = try ECVRunner.run(["report", "verify", pdf] + root)
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("was changed after it was signed"))
    }

    /// What `pdftotext` reads in a PDF.
    static func text(ofPDF path: String) throws -> String {
        let text = Process()
        text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        text.arguments = [path, "-"]
        let pipe = Pipe()
        text.standardOutput = pipe
        try text.run()
        let content = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        text.waitUntilExit()
        return content
    }
}

extension ReportCommandTests {
    @Test(.needs(.chromium, .pdftotext)) func aClientsBatchHoldsItsSummaryAndEachOfItsVehiclesOnly() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        let out = folder.url.appendingPathComponent("reports").path
        // Two of the client's three vehicles inspected; the third gets no report in a batch.
        let vehicles = ["HLJ-FIRE-01", "HLJ-FIRE-02"]
        for vehicle in vehicles {
            #expect(try ECVRunner.run(["record", vehicle, "power.generator-start=pass"] + root).status == 0)
        }
        let batch = try ECVRunner.run(
            ["report", "client", "hlj-fire", "--with-vehicles", "--format", "pdf", "--out", out] + root)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("warning: no office key"))
        #expect(batch.stderr.contains("note: no report for 1 vehicle(s) not inspected yet: HLJ-FIRE-03"))
        let paths = batch.stdout.split(separator: "\n").map(String.init)
        let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names.first == "client-hlj-fire-zh.pdf")
        #expect(Set(names.dropFirst()) == Set(vehicles.map { "vehicle-\($0)-zh.pdf" }))
        // One browser tab prints the whole batch: each file must hold its own vehicle, not the page before.
        for (path, name) in zip(paths, names).dropFirst() {
            let text = try Self.text(ofPDF: path)
            for vehicle in vehicles {
                #expect(text.contains(vehicle) == name.contains(vehicle), "\(vehicle) in \(name)")
            }
        }
        // Without a published plan there is no tour, a draft is not enough; with one, its CSV has a row per line.
        #expect(try ECVRunner.run(["report", "tour", "--format", "csv", "--out", out] + root).status == 1)
        #expect(try ECVRunner.run(["plan", "--iterations", "200", "--threads", "1"] + root).status == 0)
        let draftOnly = try ECVRunner.run(["report", "tour", "--format", "csv", "--out", out] + root)
        #expect(draftOnly.stderr.contains("no plan is published yet"))
        #expect(try ECVRunner.run(["plan", "publish"] + root).status == 0)
        let tour = try ECVRunner.run(["report", "tour", "--format", "csv", "--out", out] + root)
        #expect(tour.status == 0, "\(tour.stderr)")
        let csv = try String(
            contentsOfFile: tour.stdout.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(
            rows.first?.joined(separator: ",")
                == "route,team,km_planned,km_done,vehicles,inspected,deployable,restricted,not_deployable,incomplete,not_inspected"
        )
        #expect(rows.count == 1 + 5)
        let northeast = try #require(rows.first { $0.first == "northeast" })
        #expect(northeast[5] == "2", "HLJ-FIRE-01 and -02 inspected")
        #expect(northeast[9] == "2", "one answer leaves critical items untested: INCOMPLETE")
        #expect(Int(northeast[10]) == Int(northeast[4]).map { $0 - 2 }, "the rest not inspected")
    }
}

extension ReportCommandTests {
    @Test(.needs(.chromium, .openssl)) func aClientChecksAPDFReportWithOpenSSLAndThePEMKeyAlone() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["keys", "init"] + root).status == 0)
        let record = ["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay"]
        #expect(try ECVRunner.run(record + root).status == 0)
        let out = folder.url.appendingPathComponent("reports").path
        let report = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--format", "pdf", "--out", out] + root)
        #expect(report.status == 0, "\(report.stderr)")
        let pdf = report.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pem = folder.url.appendingPathComponent("keys/office-ed25519.pub.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin", "-in", pdf, "-sigfile", pdf + ".sig.bin",
        ]
        let output = Pipe()
        openssl.standardOutput = output
        try openssl.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        #expect(said.contains("Signature Verified Successfully"))
    }

    @Test func verifyingOnALaptopWithoutTheKeyNamesThePublicKeyItNeeds() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let root = ["--root", folder.url.path]
        #expect(try ECVRunner.run(["keys", "init"] + root).status == 0)
        #expect(try ECVRunner.run(["record", "HLJ-FIRE-01", "power.generator-start=pass"] + root).status == 0)
        let out = folder.url.appendingPathComponent("reports").path
        let report = try ECVRunner.run(["report", "vehicle", "HLJ-FIRE-01", "--out", out] + root)
        let html = report.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let empty = folder.url.appendingPathComponent("laptop-keys").path
        let verify = try ECVRunner.run(["report", "verify", html, "--keys", empty] + root)
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("office-ed25519.pub.pem"))
        #expect(!verify.stderr.contains("keys init"))
    }
}
