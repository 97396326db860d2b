import Crypto
import ECVHub
import ECVHubClient
import ECVHubSync
import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation

/// The season's bundles travel through a hub: the office and every laptop run `ecv sync`'s code (`HubSync`)
/// against a hub served in this process on a database of a real PostgreSQL cluster.
///
/// A laptop goes off line now and then for two to four days (it neither sends nor takes, and follows the plan it
/// has); in the evening some laptops sync, some twice in a row, and the office now and then; at a full round
/// everyone syncs. Now and then the hub is stopped and started again on its database before a round. After a
/// full round the hub must hold each record once, the office's results exactly, and the office's board must be the
/// board `ecv import` builds from the bundles the hub took.
public final class HubTransport: SeasonTransport {
    private let cluster: TemporaryCluster
    /// The office key: it signs the enrollments laptops check.
    private let officeKey = Curve25519.Signing.PrivateKey()
    private let clock = SeasonHubClock()
    private var hub: InProcessHub?
    /// The laptops off line, with the day each comes back.
    private var offline: [String: CalendarDay] = [:]
    /// How many rounds in a hundred the hub is stopped and started again before the round.
    public var restartPercent = 8

    /// A transport whose hub keeps its database in `cluster`: each season gets a new database.
    public init(cluster: TemporaryCluster) {
        self.cluster = cluster
    }

    /// Makes the hub's database, starts the hub and enrolls the office's bundle key and every laptop's, as
    /// `ecv hub enroll` does (no team: each laptop takes every other's work, as bundles carried by hand bring it).
    public func start(_ step: inout SeasonSyncStep) throws {
        clock.set(step.now)
        let name = "season_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let hub = try InProcessHub(
            databaseURL: try cluster.createDatabase(name), officeKey: officeKey.publicKey, now: { [clock] in clock.now }
        )
        self.hub = hub
        let office = client(signedBy: SignedRequest.officeKeyName) { [officeKey] data in
            try officeKey.signature(for: data).base64EncodedString()
        }
        for party in step.everyone {
            let role = party.name == step.office.name ? "office" : "laptop"
            let publicKey = party.key.publicKey.rawRepresentation.base64EncodedString()
            let signature = try officeKey.signature(
                for: Data(Enrollment.signedText(name: party.name, role: role, publicKey: publicKey).utf8))
            let enrollment = Enrollment(
                name: party.name, role: role, publicKey: publicKey, team: nil,
                officeSignature: signature.base64EncodedString())
            _ = try waitFor { try await office.enroll(enrollment) }
        }
    }

    /// The office sends the plan it just published; every laptop on line takes it.
    public func sendPlan(_ step: inout SeasonSyncStep) throws {
        clock.set(step.now)
        try sync(step.office, &step, strict: true)
        for laptop in step.laptops where offline[laptop.name] == nil { try sync(laptop, &step, strict: true) }
    }

    /// Laptops go off line and come back; some of those on line sync (now and then twice at once), and now and
    /// then the office.
    public func syncEvening(_ step: inout SeasonSyncStep) throws {
        clock.set(step.now)
        try restartNowAndThen(&step)
        for laptop in step.laptops {
            if let back = offline[laptop.name] {
                if back <= step.day { offline[laptop.name] = nil }
            } else if step.chance(8) {
                offline[laptop.name] = step.day.adding(days: Int.random(in: 2...4, using: &step.random))
            }
        }
        for laptop in step.laptops where offline[laptop.name] == nil && step.chance(60) {
            try sync(laptop, &step, strict: false)
            if step.chance(15) { try syncAgain(laptop, &step) }
        }
        if step.chance(70) { try sync(step.office, &step, strict: false) }
    }

    /// Everyone comes back on line and syncs, the office after the laptops and the laptops once more; then the
    /// hub's holdings are checked against the office's.
    public func syncFully(_ step: inout SeasonSyncStep) throws {
        clock.set(step.now)
        try restartNowAndThen(&step)
        offline = [:]
        for laptop in step.laptops { try sync(laptop, &step, strict: true) }
        try sync(step.office, &step, strict: true)
        for laptop in step.laptops { try sync(laptop, &step, strict: true) }
        guard let hub else { return }
        let database = hub.database
        let held = try waitFor { try await database.heldResults() }
        let bundles = try waitFor { try await database.receivedBundles() }
        let check = HubHoldingsCheck(catalog: step.catalog)
        step.breaches += try check.breaches(held: held, office: step.office.store)
        step.breaches += try check.breaches(
            bundles: bundles, laptops: step.laptops, office: step.office.store, at: step.now)
    }

    /// Stops the hub and closes its database.
    public func stop() {
        hub?.stop()
        hub = nil
    }

    /// Now and then (`restartPercent`) the hub is stopped and started again on the same database and port.
    private func restartNowAndThen(_ step: inout SeasonSyncStep) throws {
        guard step.chance(restartPercent), let hub else { return }
        try hub.restart()
        step.restarts += 1
    }

    /// `party` syncs as `ecv sync --hub` does; returns what it said.
    ///
    /// A push the hub refuses stays waiting for the
    /// next sync; in a full round (`strict`) it breaks convergence, as does a bundle refused on the way in.
    @discardableResult
    private func sync(_ party: SeasonParty, _ step: inout SeasonSyncStep, strict: Bool) throws -> [String] {
        guard let hub else { return [] }
        let client = client(signedBy: party.key.name) { data in try party.key.signature(for: data) }
        let officeKey = officeKey.publicKey
        let atOffice = party.name == step.office.name
        let now = step.now
        let lines: [String]
        do {
            lines = try waitFor {
                let sync = HubSync(
                    client: client, key: party.key, officeKey: officeKey, atOffice: atOffice, root: party.root,
                    store: party.store, databasePath: party.databasePath,
                    actor: ECVStore.Actor(who: "sync", laptop: party.name))
                return try await sync.run(at: now)
            }
        } catch let error as HubClientError {
            step.refused += 1
            if strict {
                step.breaches.append(
                    InvariantBreach(.converging, "\(party.name)'s sync with \(hub.url) fails: \(error)"))
            }
            return []
        }
        step.syncs += 1
        for line in lines where line.hasPrefix("refused:") {
            step.refused += 1
            step.breaches.append(InvariantBreach(.converging, "\(party.name) refuses a bundle from the hub: \(line)"))
        }
        return lines
    }

    /// A laptop syncs a second time at once: nothing happened in between, so it sends nothing and takes nothing.
    private func syncAgain(_ laptop: SeasonParty, _ step: inout SeasonSyncStep) throws {
        let lines = try sync(laptop, &step, strict: false)
        if !lines.isEmpty && lines != ["nothing new to send"] {
            step.breaches.append(
                InvariantBreach(
                    .converging,
                    "\(laptop.name) synced twice at once and the second sync did: " + lines.joined(separator: "; ")))
        }
    }

    /// A client of the hub signing as `name` with `sign`, on the season's clock.
    private func client(signedBy name: String, _ sign: @escaping @Sendable (Data) throws -> String) -> HubClient {
        var client = HubClient(
            hub: hub?.url ?? URL(fileURLWithPath: "/"), signer: HubClient.Signer(name: name, sign: sign))
        let clock = self.clock
        client.now = { clock.now }
        client.firstBackoff = 0.1
        return client
    }
}
