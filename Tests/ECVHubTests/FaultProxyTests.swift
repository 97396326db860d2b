import Crypto
import ECVHubClient
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHubTestSupport

/// The proxy the fault tests and the `hub-load` benchmark put between laptops and the hub.
@Suite struct FaultProxyTests {
    @Test func requestsCutAcrossReadsArePassedOnWholeAndAChunkedBodyPassesThrough() {
        let first = "POST /v1/bundles HTTP/1.1\r\nHost: hub\r\nContent-Length: 5\r\n\r\nabcde"
        let second = "GET /v1/pull?since=3 HTTP/1.1\r\nHost: hub\r\n\r\n"
        let third = "POST /v1/catalog HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n"
        let bytes = Array((first + second + third).utf8)
        // Every way of cutting the stream in three gives the same requests.
        for cut in stride(from: 1, to: bytes.count - 1, by: 7) {
            var framer = RequestFramer()
            let pieces =
                framer.append(Array(bytes[..<cut])) + framer.append(Array(bytes[cut..<(cut + 1)]))
                + framer.append(Array(bytes[(cut + 1)...]))
            let requests = pieces.compactMap { piece -> String? in
                if case .request(_, let bytes) = piece { return String(decoding: bytes, as: UTF8.self) }
                return nil
            }
            let raw = pieces.flatMap { piece -> [UInt8] in
                if case .raw(let bytes) = piece { return bytes }
                return []
            }
            #expect(requests == [first, second], "cut at \(cut)")
            #expect(String(decoding: raw, as: UTF8.self) == third, "cut at \(cut)")
            #expect(framer.isPassingThrough)
        }
    }

    @Test func aSeededPolicyDrawsTheSameFaultsAgainAndKeepsToItsLimit() {
        let policy = FaultPolicy(dropResponse: 0.2, duplicate: 0.2, delay: 0.2, limit: 30, seed: 7)
        let lines = (0..<100).map { "POST /v1/bundles?\($0) HTTP/1.1" }
        let once = FaultDraw(policy)
        let again = FaultDraw(policy)
        let faults = lines.map { once.fault(for: $0) }
        #expect(faults == lines.map { again.fault(for: $0) })
        #expect(faults.filter { $0 != .none }.count == 30)
        #expect(faults.contains(.dropResponse) && faults.contains(.duplicate))
        let matching = FaultDraw(.dropResponses(to: "POST /v1/bundles"))
        #expect(matching.fault(for: "GET /v1/pull?since=0 HTTP/1.1") == .none)
        #expect(matching.fault(for: "POST /v1/bundles HTTP/1.1") == .dropResponse)
        #expect(matching.fault(for: "POST /v1/bundles HTTP/1.1") == .none)
    }
}

@Suite(.needs(.postgresql))
struct FaultProxyHubTests {
    @Test func aDroppedResponseReachesTheClientAsALostConnectionAfterTheHubDidTheWork() async throws {
        try await HubTestServer.with { hub in
            let proxy = try await FaultProxy.start(forwardingTo: hub.port, policy: .dropResponses(to: "POST /v1/keys"))
            var office = hub.client(signedBy: SignedRequest.officeKeyName, hub.officeKey, via: proxy.port)
            office.attempts = 1
            let laptop = Curve25519.Signing.PrivateKey()
            await #expect {
                try await office.enroll(hub.enrollment("laptop-1", laptop.publicKey))
            } throws: { error in
                if case HubClientError.unreachable = error { return true }
                return false
            }
            #expect(try await hub.database.enrolledKeys().map(\.enrollment.name) == ["laptop-1"])
            #expect(proxy.log.snapshot.droppedResponses == ["POST /v1/keys HTTP/1.1"])
            // The next request passes.
            #expect(try await office.enroll(hub.enrollment("laptop-1", laptop.publicKey)).new == false)
            await proxy.stop()
        }
    }

    @Test func aDuplicatedRequestIsRefusedByTheHubAsOneSentBefore() async throws {
        try await HubTestServer.with { hub in
            let policy = FaultPolicy(matching: "GET /v1/pull", duplicate: 1, limit: 1)
            let proxy = try await FaultProxy.start(forwardingTo: hub.port, policy: policy)
            let laptop = Curve25519.Signing.PrivateKey()
            _ = try await hub.office.enroll(hub.enrollment("laptop-1", laptop.publicKey))
            let client = hub.client(signedBy: "laptop-1", laptop, via: proxy.port)
            #expect(try await client.pull(since: 0).bundles.isEmpty)
            #expect(try await client.pull(since: 0).bundles.isEmpty)
            let log = proxy.log.snapshot
            #expect(log.duplicateStatuses == [401])
            #expect(log.requests == 2 && log.droppedResponses.isEmpty)
            await proxy.stop()
        }
    }
}
