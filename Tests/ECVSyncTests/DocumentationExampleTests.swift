import ECVSync
import Foundation
import Testing

/// The worked example of the module's documentation (`ECVSync.docc/ECVSync.md`), run as written there.
@Suite struct DocumentationExampleTests {
    @Test func aSignedBundleIsTakenFromAnEnrolledKeyAndRefusedWhenChangedOnTheWay() throws {
        let held = try HeldRecordsTests()
        let bundle = try held.bundle()
        let key = held.key
        let rules = held.rules()
        let bytes = try bundle.encoded(signedWith: key)
        let received = try SyncBundle(data: bytes)

        #expect {
            try received.check(against: HeldRecords(), rules: rules)
        } throws: { "\($0)".contains("laptop laptop-a is not enrolled here") }

        let office = HeldRecords(enrolments: ["laptop-a": Enrolment(publicKey: key.publicKey, role: .laptop)])
        try received.check(against: office, rules: rules)

        var changed = String(decoding: bytes, as: UTF8.self)
        #expect(changed.contains(#""status":"fail""#))
        changed = changed.replacing(#""status":"fail""#, with: #""status":"pass""#)
        #expect {
            try SyncBundle(data: Data(changed.utf8))
        } throws: { error in
            guard case .corrupted = error as? BundleError else { return false }
            return true
        }
    }
}
