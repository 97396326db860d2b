import ECVSync
import ECVTestSupport
import Foundation
import Testing

/// `ecv export` on a laptop, `ecv import` at the office, through the real binary.
@Suite struct SyncCommandTests {
    @Test func aBundleTravelsFromLaptopToOfficeOnceAndADamagedOneIsRefused() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let officeFolder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let laptop = ["--root", folder.url.path]
        let office = ["--root", officeFolder.url.path]
        let bundle = folder.url.appendingPathComponent("laptop.ecvbundle").path
        #expect(try ECVRunner.run(["keys", "init", "--laptop", "laptop-3"] + laptop).status == 0)
        let publicKey = folder.url.appendingPathComponent("keys/laptop-laptop-3-ed25519.pub").path
        let enroll = try ECVRunner.run(["laptops", "enroll", "laptop-3", publicKey] + office)
        #expect(enroll.status == 0)
        #expect(enroll.stdout.hasPrefix("enrolled laptop-3 (fingerprint "))
        #expect(
            try ECVRunner.run(
                [
                    "record", "HLJ-FIRE-01", "power.generator-start=fail", "--note",
                    "power.generator-start=starter relay dead",
                ] + laptop
            ).status == 0)
        let export = try ECVRunner.run(["export", "--out", bundle] + laptop)
        #expect(export.status == 0)
        #expect(export.stdout == "exported 1 inspections, 1 results, 0 photos, 2 audit lines to \(bundle)\n")

        let first = try ECVRunner.run(["import", bundle] + office)
        #expect(first.status == 0)
        #expect(
            first.stdout.contains(
                "1 new inspections, 0 finished, 1 new results (0 already here), 0 new photos, 2 audit lines, 0 conflicts"
            ))
        let again = try ECVRunner.run(["import", bundle] + office)
        #expect(
            again.stdout.contains(
                "0 new inspections, 0 finished, 0 new results (1 already here), 0 new photos, 0 audit lines"))
        let board = try ECVRunner.run(["status", "--format", "csv"] + office)
        #expect(board.stdout.contains("HLJ-FIRE-01,hlj-fire,northeast,NOT_DEPLOYABLE"))

        var damaged = try #require(FileManager.default.contents(atPath: bundle))
        // One letter of the signature, changed to another base64 letter: still a signature line, a wrong one.
        let index = damaged.count - 10
        damaged[index] = damaged[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try folder.write(damaged, to: "damaged.ecvbundle")
        let refused = try ECVRunner.run(
            ["import", folder.url.appendingPathComponent("damaged.ecvbundle").path] + office)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("the bundle is refused: it is not signed by the enrolled key of laptop laptop-3"))
    }
}

extension SyncCommandTests {
    /// A laptop with its key, and an office that has enrolled it.
    struct Pair {
        let laptopFolder: TemporaryFolder
        let officeFolder: TemporaryFolder
        var laptop: [String] { ["--root", laptopFolder.url.path] }
        var office: [String] { ["--root", officeFolder.url.path] }

        init(enrolled: Bool = true) throws {
            laptopFolder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            officeFolder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            _ = try ECVRunner.run(["keys", "init", "--laptop", "laptop-3"] + laptop)
            if enrolled {
                let key = laptopFolder.url.appendingPathComponent("keys/laptop-laptop-3-ed25519.pub").path
                _ = try ECVRunner.run(["laptops", "enroll", "laptop-3", key] + office)
            }
        }
    }

    @Test func aBundleFromALaptopNotEnrolledIsRefusedWithOneLine() throws {
        let pair = try Pair(enrolled: false)
        _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + pair.laptop)
        let bundle = pair.laptopFolder.url.appendingPathComponent("b.ecvbundle").path
        #expect(try ECVRunner.run(["export", "--out", bundle] + pair.laptop).status == 0)
        let refused = try ECVRunner.run(["import", bundle] + pair.office)
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("laptop laptop-3 is not enrolled here"))
    }

    @Test func enrolledLaptopsAreListedWithTheirFingerprints() throws {
        let pair = try Pair()
        let list = try ECVRunner.run(["laptops", "list"] + pair.office)
        #expect(list.status == 0)
        #expect(list.stdout.contains("laptop-3"))
    }

    @Test func exportWithoutALaptopKeyIsRefused() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let run = try ECVRunner.run([
            "export", "--out", folder.url.appendingPathComponent("b").path, "--root", folder.url.path,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("run `ecv keys init --laptop NAME`"))
    }
}

extension SyncCommandTests {
    @Test func exportRefusesATargetThatIsNotARegularFileAndMarksNothingExported() throws {
        let pair = try Pair()
        _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + pair.laptop)
        let refused = try ECVRunner.run(["export", "--out", "/dev/full"] + pair.laptop)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: /dev/full exists and is not a regular file; it is left alone\n")
        let bundle = pair.laptopFolder.url.appendingPathComponent("b.ecvbundle").path
        let export = try ECVRunner.run(["export", "--out", bundle] + pair.laptop)
        #expect(export.stdout.hasPrefix("exported 1 inspections, 1 results"))
    }

    @Test func ofConcurrentKeyInitsExactlyOneCreatesTheKey() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let runs = try (0..<4).map { _ in
            try ECVRunner.start(["keys", "init", "--laptop", "laptop-3", "--root", folder.url.path])
        }
        let results = try runs.map { try $0.wait() }
        #expect(results.filter { $0.status == 0 }.count == 1)
        #expect(results.filter { $0.stderr.contains("exists already; keys are never replaced") }.count == 3)
    }
}

extension SyncCommandTests {
    @Test func aBundleOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let pair = try Pair()
        let path = pair.officeFolder.url.appendingPathComponent("huge.ecvbundle").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(1 << 30) + 1)
        try handle.close()
        let run = try ECVRunner.run(["import", path] + pair.office)
        #expect(run.status == 1)
        #expect(run.stderr == "error: \(path): 1073741825 bytes; at most 1073741824 are read\n")
    }
}
