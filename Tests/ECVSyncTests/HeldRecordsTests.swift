import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

@testable import ECVSync

/// A bundle checked against a receiver's holdings in memory: no database is needed to refuse or accept one.
@Suite struct HeldRecordsTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
    static let now = Date(timeIntervalSince1970: 1_805_000_000)

    let folder: TemporaryFolder
    let key: LaptopKey

    init() throws {
        folder = try TemporaryFolder()
        key = try LaptopKey.create(name: "laptop-a", in: folder.url)
    }

    /// A bundle of one inspection of HLJ-FIRE-01 with one result, read back from its signed bytes.
    func bundle(item: String = "power.grounding", vehicle: String = "HLJ-FIRE-01") throws -> SyncBundle {
        let inspection = InspectionRecord(
            id: UUID(), vehicleID: vehicle, clientID: "hlj-fire", siteID: "hrb-fire-1", routeID: "northeast",
            equipment: "[]", teamID: "team-ne", engineer: "Zhang Wei", laptop: "laptop-a",
            startedAt: Self.now.addingTimeInterval(-600), finishedAt: nil, kind: "full", checklists: "{}")
        let result = ResultRecord(
            id: UUID(), version: 1, inspectionID: inspection.id, itemID: item, status: "fail", value: nil,
            choice: nil, text: nil, note: "loose", recordedAt: Self.now.addingTimeInterval(-300),
            recordedBy: "Zhang Wei", laptop: "laptop-a")
        let stamp = ISO8601DateFormatter().string(from: result.recordedAt)
        let audit = [
            AuditRecord(
                id: UUID(), at: inspection.startedAt, who: "Zhang Wei", laptop: "laptop-a", entity: "inspection",
                entityID: inspection.id.text, vehicleID: vehicle, old: nil, new: "{}"),
            AuditRecord(
                id: UUID(), at: result.recordedAt, who: "Zhang Wei", laptop: "laptop-a", entity: "result",
                entityID: "\(result.id.text)#1", vehicleID: vehicle, old: nil, new: result.auditJSON(stamp)),
        ]
        let bundle = SyncBundle(
            id: UUID(), laptop: "laptop-a", created: Self.now, inspections: [inspection], results: [result],
            audit: audit)
        return try SyncBundle(data: bundle.encoded(signedWith: key))
    }

    func rules() -> ImportRules {
        ImportRules(catalog: Self.catalog, now: Self.now, importer: "office")
    }

    var enrolled: HeldRecords {
        HeldRecords(enrolments: ["laptop-a": Enrolment(publicKey: key.publicKey, role: .laptop)])
    }

    func refusal(_ bundle: SyncBundle, _ holdings: HeldRecords) -> String? {
        do {
            try bundle.check(against: holdings, rules: rules())
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aBundleOfAnEnrolledLaptopPassesAgainstHoldingsInMemory() throws {
        #expect(refusal(try bundle(), enrolled) == nil)
    }

    @Test func aBundleOfALaptopTheReceiverDoesNotHoldIsRefused() throws {
        #expect(refusal(try bundle(), HeldRecords())?.contains("laptop laptop-a is not enrolled here") == true)
    }

    @Test func aResultTheReceiverHoldsInAnotherInspectionIsRefused() throws {
        let bundle = try bundle()
        var holdings = enrolled
        let result = try #require(bundle.results.first)
        holdings.results[result.id] = ResultPlace(inspectionID: UUID(), itemID: result.itemID)
        #expect(refusal(bundle, holdings)?.contains("is of another inspection or item here") == true)
    }

    @Test func anItemThatDoesNotApplyIsRefusedWithoutAReceiverDatabase() throws {
        #expect(refusal(try bundle(item: "antenna.no-such-item"), enrolled)?.contains("does not apply") == true)
    }
}
