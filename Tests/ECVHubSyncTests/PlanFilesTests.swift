import Crypto
import ECVHubClient
import ECVHubSync
import ECVModel
import ECVReports
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation
import Testing

/// The plan's files a hub hands a laptop never become a path outside Routes/ or Checklists/, never replace the
/// laptop's files with a set that does not read, and never lose a file they replace.
@Suite struct PlanFilesTests {
    static func file(_ path: String, _ text: String) -> Pull.File {
        let data = Data(text.utf8)
        return Pull.File(path: path, sha256: data.sha256Hex, content: data)
    }

    @Test(arguments: [
        "../Routes/x.yaml", "Routes/../../x.yaml", "/etc/passwd", "Routes/sub/x.yaml", "Routes/.hidden.yaml",
        "Keys/x.yaml", "Routes/x.sh", "Checklists/distances.csv", "Routes/x y.yaml", "Routes/x\u{1B}.yaml", "Routes/",
        "routes/x.yaml",
    ])
    func aPathOutsideTheCatalogsFoldersIsNoPlanFile(path: String) {
        #expect(!PlanFiles.isPlanFile(path))
    }

    @Test(arguments: ["Routes/northeast.yaml", "Checklists/power.yml", "Routes/distances.csv", "Routes/teams.yaml"])
    func theCatalogsOwnFilesArePlanFiles(path: String) {
        #expect(PlanFiles.isPlanFile(path))
    }

    /// The sample's files as the office would send them.
    static func sample() throws -> [Pull.File] {
        try PlanFiles(root: ProjectPaths.sampleCatalog).current()
    }

    @Test func aFileWhoseBytesAreNotItsSHA256OrAPathOutsideIsRefusedAndNothingChanges() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let before = try folder.read("Routes/northeast.yaml")
        var files = try Self.sample()
        let index = try #require(files.firstIndex { $0.path == "Routes/northeast.yaml" })
        files[index].content = Data("route: northeast\n".utf8)
        #expect(throws: HubSyncError.self) { try PlanFiles(root: folder.url).take(files, at: Date()) }
        #expect(try folder.read("Routes/northeast.yaml") == before)

        var outside = try Self.sample()
        outside.append(Self.file("Routes/../../escaped.yaml", "x: 1\n"))
        #expect(throws: HubSyncError.self) { try PlanFiles(root: folder.url).take(outside, at: Date()) }
        #expect(!FileManager.default.fileExists(atPath: folder.url.deletingLastPathComponent().path + "/escaped.yaml"))
    }

    @Test func aSetThatDoesNotReadAsACatalogIsRefusedWhole() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let before = try folder.read("Routes/northeast.yaml")
        var files = try Self.sample().filter { $0.path != "Routes/teams.yaml" && $0.path != "Routes/northeast.yaml" }
        files.append(Self.file("Routes/northeast.yaml", before.replacingOccurrences(of: "Sui Peng", with: "Sui")))
        // Without teams.yaml no line has its team: the laptop keeps what it has.
        #expect(throws: HubSyncError.self) { try PlanFiles(root: folder.url).take(files, at: Date()) }
        #expect(try folder.read("Routes/northeast.yaml") == before)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Routes/teams.yaml").path))
    }

    @Test func takenFilesAreListedAndTheOnesTheyReplaceAreKept() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let before = try folder.read("Routes/northeast.yaml")
        var files = try Self.sample().filter { $0.path != "Routes/northeast.yaml" }
        files.append(Self.file("Routes/northeast.yaml", before.replacingOccurrences(of: "Sui Peng", with: "Sui Pen")))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let lines = try PlanFiles(root: folder.url).take(files, at: now)
        #expect(lines == ["Routes/northeast.yaml (changed)"])
        #expect(try folder.read("Routes/northeast.yaml").contains("name: Sui Pen,"))
        #expect(try folder.read("previous-files/1800000000/Routes/northeast.yaml") == before)
        #expect(try PlanFiles(root: folder.url).take(files, at: now).isEmpty, "the same set again changes nothing")
    }
}

/// A laptop takes another key from a pull only with the office's signature over its enrollment.
@Suite struct PulledKeyTests {
    @Test func aKeyWithoutTheOfficesSignatureIsRefusedAndNothingIsEnrolled() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let keys = folder.url.appendingPathComponent("keys")
        let office = try ReportSigner.createKeys(in: keys)
        // The laptop holds the office's public key only, as it does in the field.
        try FileManager.default.removeItem(at: keys.appendingPathComponent(ReportSigner.privateKeyName))
        let laptop = try LaptopKey.create(name: "lap-a", in: keys)
        let database = folder.url.appendingPathComponent("ecv.sqlite").path
        let store = try Store(path: database)
        let sync = HubSync(
            client: HubClient(
                hub: try #require(URL(string: "http://127.0.0.1:9")), signer: .init(name: "lap-a") { _ in "" }),
            key: laptop, officeKey: try ReportSigner.load(from: keys).publicKey, atOffice: false, root: folder.url,
            store: store, databasePath: database, actor: Actor(who: "engineer", laptop: "lap-a"))
        let stranger = Curve25519.Signing.PrivateKey()
        let publicKey = stranger.publicKey.rawRepresentation.base64EncodedString()
        let text = Enrollment.signedText(name: "lap-x", role: "office", publicKey: publicKey)
        // Signed by the stranger's own key instead of the office's.
        let forged = Enrollment(
            name: "lap-x", role: "office", publicKey: publicKey, team: nil,
            officeSignature: try stranger.signature(for: Data(text.utf8)).base64EncodedString())
        #expect(throws: HubSyncError.self) {
            try sync.take(Pull(cursor: 1, keys: [forged], bundles: [], files: []), at: Date())
        }
        #expect(try store.enrolledLaptops().isEmpty)
        // The same enrollment signed by the office is taken.
        let signed = Enrollment(
            name: "lap-x", role: "office", publicKey: publicKey, team: nil,
            officeSignature: try #require(office.sign(text: text)))
        let lines = try sync.take(Pull(cursor: 1, keys: [signed], bundles: [], files: []), at: Date())
        #expect(lines == ["enrolled lap-x (office), signed by the office"])
    }
}
