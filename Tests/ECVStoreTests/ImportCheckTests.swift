import ECVModel
import ECVTestSupport
import Foundation
import Testing

@testable import ECVStore
@testable import ECVSync

/// Hostile bundles with correct checksums and signatures: every value is checked, and a refused bundle
/// changes nothing.
@Suite struct ImportCheckTests {
    typealias Site = SyncTests.Site

    let laptop: Site
    let office: Site

    init() throws {
        laptop = try Site("laptop-a")
        office = try Site("office", who: "Wang Fang")
        try office.trusts(laptop)
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.1")], minutes: 0)
    }

    /// Imports `bundle` at the office and expects it refused with a reason containing `reason`, and the
    /// office's database unchanged.
    func expectRefused(_ bundle: SyncBundle, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let before = try office.dump()
        do {
            try office.importing(bundle)
            Issue.record("the bundle was imported", sourceLocation: sourceLocation)
        } catch let error as BundleError {
            #expect(error.description.contains(reason), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(try office.dump() == before, sourceLocation: sourceLocation)
    }

    @Test func aForgedPassDatedAfterTheExportIsRefusedAndARealFailStillGrounds() throws {
        let forged = try laptop.forged { bundle in
            bundle.results[0].recordedAt = Date(timeIntervalSince1970: 4_070_908_800)
        }
        try expectRefused(forged, "after the bundle's export time")
        try laptop.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 10)
        try office.importing(laptop.export())
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
    }

    @Test func aBundleExportedMoreThanADayAfterTheImportersClockIsRefused() throws {
        let forged = try laptop.forged { $0.created = SyncTests.start.addingTimeInterval(3 * 86_400) }
        try expectRefused(forged, "later than this computer's clock plus a day")
    }

    @Test func aVehicleTheCatalogDoesNotKnowIsRefusedByName() throws {
        let forged = try laptop.forged { $0.inspections[0].vehicleID = "GHOST-99" }
        try expectRefused(forged, "vehicle `GHOST-99` is not in Routes/")
    }

    @Test func anItemThatDoesNotApplyToTheVehicleIsRefusedByName() throws {
        let forged = try laptop.forged { $0.results[0].itemID = "power.warp-drive" }
        try expectRefused(forged, "item `power.warp-drive` does not apply to HLJ-FIRE-01")
    }

    @Test(arguments: [0, -1, (1 << 31) + 1, Int.max, Int.min])
    func aVersionOutsideOneToTwoToTheThirtyFirstIsRefused(version: Int) throws {
        let forged = try laptop.forged { $0.results[0].version = version }
        try expectRefused(forged, "version \(version) is outside 1…2147483648")
    }

    @Test func versionsOfOneResultThatDoNotGrowWithTimeAreRefused() throws {
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.2")], minutes: 5)
        let forged = try laptop.forged { bundle in
            bundle.results[1].recordedAt = bundle.results[0].recordedAt.addingTimeInterval(-60)
        }
        try expectRefused(forged, "does not follow version 1")
    }

    @Test func anAuditLineNamingAnotherLaptopIsRefused() throws {
        let forged = try laptop.forged { $0.audit[1].laptop = "laptop-z" }
        try expectRefused(forged, "audit line of laptop `laptop-z`")
    }

    @Test func anAuditLineNamingAnotherPersonIsRefused() throws {
        let forged = try laptop.forged { $0.audit[1].who = "Chief Inspector" }
        try expectRefused(forged, "does not say what result")
    }

    @Test func anAuditLineThatMisstatesTheAnswerIsRefused() throws {
        let forged = try laptop.forged { bundle in
            bundle.audit[1].new = bundle.audit[1].new.replacingOccurrences(of: "\"pass\"", with: "\"fail\"")
        }
        try expectRefused(forged, "does not say what result")
    }

    @Test func aResultWithoutItsAuditLineIsRefused() throws {
        let forged = try laptop.forged { $0.audit.removeLast() }
        try expectRefused(forged, "has 0 audit lines; it needs exactly one")
    }

    @Test func aNewInspectionWithoutTheLineThatStartsItIsRefused() throws {
        let forged = try laptop.forged { $0.audit.removeFirst() }
        try expectRefused(forged, "needs exactly one audit line that starts it")
    }

    @Test func aResultOfAnotherLaptopInASignedBundleIsRefused() throws {
        let forged = try laptop.forged { $0.results[0].laptop = "laptop-z" }
        try expectRefused(forged, "a result of laptop `laptop-z` in a bundle of laptop-a")
    }
}

extension ImportCheckTests {
    static let html = Data("<script>fetch('/vehicles/HLJ-FIRE-01/answers')</script>".utf8)

    /// A bundle whose one photo is changed by `change`, its row kept consistent with its bytes.
    func photoBundle(_ change: (inout BundledPhoto) -> Void) throws -> SyncBundle {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        _ = try laptop.store.savePhoto(
            png, kind: .png, of: StoreTests.placement(), item: "power.grounding", catalog: SyncTests.catalog,
            by: laptop.actor, at: SyncTests.start.addingTimeInterval(60), makeID: TimeOrderedID.make)
        return try laptop.forged { bundle in
            change(&bundle.photos[0])
            bundle.photos[0].photo.bytes = bundle.photos[0].data.count
            bundle.photos[0].photo.sha256 = bundle.photos[0].data.sha256Hex
        }
    }

    @Test func aPhotoThatIsHTMLIsRefusedWhateverItsRowSays() throws {
        let forged = try photoBundle { photo in
            photo.data = Self.html
            photo.photo.contentType = "text/html"
        }
        try expectRefused(forged, "is not the JPEG or PNG its row describes")
    }

    @Test func aPhotoOverTenMebibytesIsRefused() throws {
        let forged = try photoBundle { photo in
            photo.data = Data([0xFF, 0xD8, 0xFF]) + Data(count: PhotoKind.maximumBytes)
            photo.photo.contentType = "image/jpeg"
        }
        try expectRefused(forged, "at most 10 MiB are kept")
    }

    @Test func aPhotoOfAnotherVehicleThanItsInspectionIsRefused() throws {
        let forged = try photoBundle { $0.photo.vehicleID = "JL-FIRE-01" }
        try expectRefused(forged, "a photo of JL-FIRE-01 in an inspection of HLJ-FIRE-01")
    }

    @Test(arguments: ["9223372036854775807", "9223372036854775806", "-9223372036854775808"])
    func manifestLineCountsNearTheIntegerLimitAreRefusedWithoutATrap(count: String) throws {
        let data = try laptop.exportData()
        let text = String(decoding: data, as: UTF8.self)
        let forged = text.replacingOccurrences(of: "\"lines\":1,", with: "\"lines\":\(count),")
        #expect(forged != text)
        #expect(throws: BundleError.self) { try SyncBundle(data: Data(forged.utf8)) }
    }
}

/// A result at its last version: the next one is refused with a message, never an overflow.
@Suite struct VersionLimitTests {
    @Test func recordingPastTheLastVersionIsRefusedAndChangesNothing() throws {
        let site = try SyncTests.Site("laptop-a")
        try site.record("HLJ-FIRE-01", [("power.grounding", "1.1")], minutes: 0)
        // A database of an earlier release may hold any version a bundle brought it.
        try site.store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER result_no_update")
            try db.execute(sql: "UPDATE result SET version = ?", arguments: [Int.max])
        }
        let before = try site.dump()
        #expect(throws: StoreError.lastVersion(item: "power.grounding")) {
            try site.record("HLJ-FIRE-01", [("power.grounding", "1.2")], minutes: 5)
        }
        #expect(try site.dump() == before)
    }
}
