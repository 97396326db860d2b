import Crypto
import ECVHubClient
import ECVTestSupport
import Foundation
import HummingbirdTesting
import Testing

@testable import ECVHub

@Suite(.needs(.postgresql))
struct HubServerTests {
    @Test func onlyTheOfficeKeyEnrollsAndATakenNameKeepsItsKey() async throws {
        // Each request a second after the one before: equal requests signed in one second are one request.
        let clock = TestClock(Date())
        let now: @Sendable () -> Date = {
            clock.now = clock.now.addingTimeInterval(1)
            return clock.now
        }
        try await HubTestServer.with(now: now) { hub in
            let laptop = Curve25519.Signing.PrivateKey()
            let first = try await hub.office.enroll(hub.enrollment("laptop-1", laptop.publicKey, team: "team-nc"))
            #expect(first.new && first.role == "laptop" && first.team == "team-nc")
            #expect(
                try await hub.office.enroll(hub.enrollment("laptop-1", laptop.publicKey, team: "team-nc")).new == false)
            await #expect(
                throws: HubClientError.refused(
                    status: 409,
                    reason: "`laptop-1` is enrolled already with another key or role (fingerprint \(first.fingerprint))"
                )
            ) {
                try await hub.office.enroll(hub.enrollment("laptop-1", Curve25519.Signing.PrivateKey().publicKey))
            }
            let asLaptop = hub.client(signedBy: "laptop-1", laptop)
            await #expect(
                throws: HubClientError.refused(status: 403, reason: "only the office key (`@office`) enrolls keys")
            ) {
                try await asLaptop.enroll(hub.enrollment("laptop-2", Curve25519.Signing.PrivateKey().publicKey))
            }
            var forged = hub.enrollment("laptop-2", Curve25519.Signing.PrivateKey().publicKey)
            forged.role = "office"
            await #expect(
                throws: HubClientError.refused(status: 422, reason: "the enrollment is not signed by the office key")
            ) {
                try await hub.office.enroll(forged)
            }
            #expect(try await hub.database.enrolledKeys().map(\.enrollment.name) == ["laptop-1"])
        }
    }

    @Test func aRequestNotSignedByAnEnrolledKeyIsRefusedWithTheReason() async throws {
        try await HubTestServer.with { hub in
            let unsigned = try await hub.send("/v1/pull", headers: [])
            #expect(unsigned.status == 401)
            #expect(unsigned.body.contains("the request is not signed"))
            let stranger = hub.client(signedBy: "laptop-9", Curve25519.Signing.PrivateKey())
            await #expect(
                throws: HubClientError.refused(status: 401, reason: "key `laptop-9` is not enrolled at this hub")
            ) {
                try await stranger.pull(since: 0)
            }
            let laptop = Curve25519.Signing.PrivateKey()
            _ = try await hub.office.enroll(hub.enrollment("laptop-1", laptop.publicKey))
            let impostor = hub.client(signedBy: "laptop-1", Curve25519.Signing.PrivateKey())
            await #expect(
                throws: HubClientError.refused(
                    status: 401, reason: "the signature is not the enrolled key of `laptop-1`")
            ) {
                try await impostor.pull(since: 0)
            }
            #expect(try await hub.client(signedBy: "laptop-1", laptop).pull(since: 0).bundles.isEmpty)
        }
    }

    @Test func aSignedRequestIsTakenOnceAndOnlyWithinFiveMinutes() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.now }
        try await HubTestServer.with(now: now) { hub in
            let laptop = Curve25519.Signing.PrivateKey()
            _ = try await hub.office.enroll(hub.enrollment("laptop-1", laptop.publicKey))
            let signed = SignedRequest(method: "GET", path: "/v1/pull?since=0", time: 1_800_000_000, body: Data())
            let headers = signed.headers(
                name: "laptop-1", signature: try laptop.signature(for: signed.signedText).base64EncodedString())
            #expect(try await hub.send("/v1/pull?since=0", headers: headers).status == 200)
            let replay = try await hub.send("/v1/pull?since=0", headers: headers)
            #expect(replay.status == 401)
            #expect(replay.body.contains("this request was sent before"))
            clock.now = clock.now.addingTimeInterval(5 * 60 + 1)
            let late = try await hub.send("/v1/pull?since=0", headers: headers)
            #expect(late.status == 401)
            #expect(late.body.contains("more than 5 minutes from the hub's clock"))
        }
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
