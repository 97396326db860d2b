import ECVTestSupport
import Foundation
import Testing

@testable import ECVStore
@testable import ECVSync

/// Only bundles signed by an enrolled laptop, other than the importer, are imported.
@Suite struct BundleSignatureTests {
    typealias Site = SyncTests.Site

    let laptop: Site
    let office: Site

    init() throws {
        laptop = try Site("laptop-a")
        office = try Site("office", who: "Wang Fang")
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.1")], minutes: 0)
    }

    func refusal(_ bundle: SyncBundle) throws -> String? {
        let before = try office.dump()
        defer { #expect((try? office.dump()) == before) }
        do {
            try office.importing(bundle)
            return nil
        } catch let error as BundleError {
            return error.description
        }
    }

    @Test func aBundleOfAnEnrolledLaptopIsImported() throws {
        try office.trusts(laptop)
        #expect(try office.importing(laptop.export()).newResults == 1)
    }

    @Test func anUnsignedBundleIsRefused() throws {
        try office.trusts(laptop)
        let (bundle, _) = try laptop.store.bundleSinceLastExport(
            laptop: "laptop-a", at: SyncTests.start.addingTimeInterval(600), id: UUID())
        #expect(try refusal(SyncBundle(data: bundle.encoded()))?.contains("it is not signed") == true)
    }

    @Test func aBundleOfALaptopNotEnrolledIsRefused() throws {
        #expect(try refusal(laptop.export())?.contains("laptop laptop-a is not enrolled here") == true)
    }

    @Test func aBundleClaimingToComeFromTheImporterIsRefused() throws {
        let forged = try laptop.forged { $0.laptop = "office" }
        #expect(try refusal(forged)?.contains("it claims to come from this laptop, office") == true)
    }

    @Test func aBundleSignedByAnotherKeyIsRefused() throws {
        try office.trusts(laptop)
        let intruder = try Site("laptop-a")
        #expect(
            try refusal(laptop.forged(signer: intruder.key))?.contains(
                "not signed by the enrolled key of laptop laptop-a")
                == true)
    }

    @Test func aBundleChangedAfterSigningIsRefused() throws {
        try office.trusts(laptop)
        var data = try laptop.exportData()
        // The export time in the manifest moves by a millisecond: the checksums still hold, the signature not.
        let text = String(decoding: data, as: UTF8.self)
        let changed = text.replacingOccurrences(of: ".000\",\"format\"", with: ".001\",\"format\"")
        #expect(changed != text)
        data = Data(changed.utf8)
        #expect(try refusal(SyncBundle(data: data))?.contains("not signed by the enrolled key") == true)
    }

    @Test func aLaptopNameIsEnrolledWithOneKeyOnly() throws {
        try office.trusts(laptop)
        let other = try Site("laptop-a")
        #expect(throws: StoreError.refused("laptop laptop-a is enrolled already, with another key")) {
            try office.trusts(other)
        }
    }
}
