import Crypto
import ECVHubClient
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation

@testable import ECVHub

/// What the page tests put in a hub: the office's Routes/ and Checklists/, and laptops' bundles taken as a push
/// takes them.
enum HubPageFixture {
    /// A client of the sample catalog.
    static let someClient = "hlj-fire"

    /// The office's key enrolled as `office`, and the sample's Routes/ and Checklists/ pushed with it.
    static func pushCatalog(_ hub: HubTestServer) async throws {
        let office = Curve25519.Signing.PrivateKey()
        _ = try await hub.database.enroll(hub.enrollment("office", office.publicKey, role: "office"))
        let files = try HubPushTests.catalogFiles().map { CatalogFile(path: $0.path, content: $0.content) }
        _ = try await hub.database.pushCatalog(files, by: "office", at: HubLaptop.start)
    }

    /// `laptop`'s key enrolled at the hub.
    static func enroll(_ laptop: HubLaptop, at hub: HubTestServer) async throws -> EnrolledKey {
        try await hub.database.enroll(hub.enrollment(laptop.actor.laptop, laptop.key.publicKey)).key
    }

    /// Takes `data` as a push from `key` a day after the start; the receipt, or the refusal's words.
    @discardableResult
    static func push(_ data: Data, from key: EnrolledKey, to hub: HubTestServer) async throws -> Result<
        Receipt, BundleRefusal
    > {
        try await hub.database.receive(data, from: key, at: HubLaptop.start.addingTimeInterval(86_400))
    }
}
