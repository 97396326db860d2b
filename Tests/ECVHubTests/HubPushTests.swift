import Crypto
import ECVHubClient
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

@Suite(.needs(.postgresql))
struct HubPushTests {
    /// A season recorded on laptop `ne-1` (a published plan and a critical failure), exported and signed by its key.
    ///
    /// With `carryingPlan` the bundle carries the published plan, as only the office's export does.
    static func signedBundle(carryingPlan: Bool = false) throws -> (key: LaptopKey, bytes: Data, results: Int) {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let season = try SampleSeason(in: folder)
        try season.record(
            "HLJ-FIRE-01", failing: "power.generator-start", note: "no start", at: season.visit("HLJ-FIRE-01"))
        let key = try LaptopKey.create(name: "ne-1", in: folder.url.appendingPathComponent("keys"))
        let (bundle, _) = try season.store.bundleSinceLastExport(
            laptop: "ne-1", at: exported, id: UUID(), carryingPlan: carryingPlan)
        return (key, try bundle.encoded(signedWith: key), bundle.results.count)
    }

    /// When the season's bundle is exported, and the hub's clock: after the season.
    static let exported = SampleSeason.date("2027-06-01T08:00")

    /// The sample's Routes/ and Checklists/, as the office pushes them.
    static func catalogFiles() throws -> [Pull.File] {
        let input = PlanInputs.read(root: ProjectPaths.sampleCatalog)
        return try input.files.keys.sorted().map { path in
            let content = try Data(contentsOf: ProjectPaths.sampleCatalog.appendingPathComponent(path))
            return Pull.File(path: path, sha256: content.sha256Hex, content: content)
        }
    }

    @Test func aBundleIsTakenOnceAndTheSameBytesAgainGetTheSameReceipt() async throws {
        let (key, bytes, results) = try Self.signedBundle()
        let clock = TestClock(Self.exported)
        let now: @Sendable () -> Date = { clock.now }
        try await HubTestServer.with(now: now) { hub in
            _ = try await hub.office.enroll(hub.enrollment("ne-1", key.publicKey, role: "office"))
            let laptop = hub.client(signedBy: "ne-1") { try key.signature(for: $0) }
            #expect(try await laptop.pushCatalog(Self.catalogFiles()) > 0)
            let receipt = try await laptop.push(bundle: bytes)
            #expect(receipt.sha256 == bytes.sha256Hex)
            #expect(receipt.new > results && receipt.alreadyHere == 0 && receipt.conflicts == 0)
            let rows = try await hub.database.count("SELECT count(*) FROM result")
            #expect(rows == results)
            // The same push again, signed anew a second later.
            clock.now = clock.now.addingTimeInterval(1)
            #expect(try await laptop.push(bundle: bytes) == receipt)
            #expect(try await hub.database.count("SELECT count(*) FROM result") == rows)
            #expect(try await hub.database.count("SELECT count(*) FROM receipt") == 1)
        }
    }

    /// A signed push sent again as it was (a copy a network made, which may even overtake the original) is
    /// answered with the receipt when the hub took those bytes, and refused otherwise; after five minutes, always.
    @Test func aPushSentAgainAsItWasSignedGetsTheReceiptOfWorkTakenAndIsRefusedOtherwise() async throws {
        let (key, bytes, results) = try Self.signedBundle()
        let clock = TestClock(Self.exported)
        let now: @Sendable () -> Date = { clock.now }
        try await HubTestServer.with(now: now) { hub in
            _ = try await hub.office.enroll(hub.enrollment("ne-1", key.publicKey, role: "office"))
            func signedHeaders() throws -> [(String, String)] {
                let signed = SignedRequest(
                    method: "POST", path: "/v1/bundles", time: Int64(clock.now.timeIntervalSince1970), body: bytes,
                    nonce: SignedRequest.makeNonce())
                return signed.headers(name: "ne-1", signature: try key.signature(for: signed.signedText))
                    + [("Content-Type", "application/octet-stream")]
            }
            // Refused (no catalog at the hub yet): sent again as signed, it stays refused, even once it could pass.
            let early = try signedHeaders()
            let refused = try await hub.send("/v1/bundles", method: .POST, headers: early, body: bytes)
            #expect(refused.status == 422, "\(refused.body)")
            let refusedAgain = try await hub.send("/v1/bundles", method: .POST, headers: early, body: bytes)
            #expect(refusedAgain.status == 401 && refusedAgain.body.contains("this request was sent before"))
            #expect(
                try await hub.client(signedBy: "ne-1") { try key.signature(for: $0) }.pushCatalog(Self.catalogFiles())
                    > 0)
            let stillRefused = try await hub.send("/v1/bundles", method: .POST, headers: early, body: bytes)
            #expect(stillRefused.status == 401, "\(stillRefused.body)")
            #expect(try await hub.database.count("SELECT count(*) FROM receipt") == 0)

            // Taken: the same request again gets the same receipt, and nothing more is stored.
            let headers = try signedHeaders()
            let first = try await hub.send("/v1/bundles", method: .POST, headers: headers, body: bytes)
            #expect(first.status == 200, "\(first.body)")
            let copy = try await hub.send("/v1/bundles", method: .POST, headers: headers, body: bytes)
            #expect(copy.status == 200 && copy.body == first.body, "\(copy.body)")
            // Other bytes under a signature seen before are refused.
            let other = try await hub.send("/v1/bundles", method: .POST, headers: headers, body: bytes + Data([0x0A]))
            #expect(other.status == 401, "\(other.body)")
            clock.now = clock.now.addingTimeInterval(SignedRequest.window + 1)
            let late = try await hub.send("/v1/bundles", method: .POST, headers: headers, body: bytes)
            #expect(
                late.status == 401 && late.body.contains("more than 5 minutes from the hub's clock"), "\(late.body)")
            #expect(try await hub.database.count("SELECT count(*) FROM receipt") == 1)
            #expect(try await hub.database.count("SELECT count(*) FROM result") == results)
        }
    }

    @Test func aLaptopsBundleCarryingAPlanIsRefusedAndNothingIsStored() async throws {
        // Signed by a laptop's key, carrying a plan as a laptop that published one itself would make it carry.
        let (key, bytes, _) = try Self.signedBundle(carryingPlan: true)
        let now: @Sendable () -> Date = { Self.exported }
        try await HubTestServer.with(now: now) { hub in
            let office = Curve25519.Signing.PrivateKey()
            _ = try await hub.office.enroll(hub.enrollment("office", office.publicKey, role: "office"))
            let atOffice = hub.client(signedBy: "office", office)
            #expect(try await atOffice.pushCatalog(Self.catalogFiles()) > 0)
            _ = try await hub.office.enroll(hub.enrollment("ne-1", key.publicKey))
            let laptop = hub.client(signedBy: "ne-1") { try key.signature(for: $0) }
            await #expect(
                throws: HubClientError.refused(
                    status: 422, reason: "a laptop's bundle may not carry a plan; only the office publishes")
            ) {
                try await laptop.push(bundle: bytes)
            }
            #expect(try await hub.database.count("SELECT count(*) FROM result") == 0)
            #expect(try await hub.database.count("SELECT count(*) FROM receipt") == 0)
        }
    }
}
