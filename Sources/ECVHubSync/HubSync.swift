import Crypto
import ECVCatalog
import ECVHubClient
import ECVModel
import ECVStore
import ECVSync
import Foundation

/// One sync with the hub, as `ecv sync --hub URL` makes it: push, then pull.
///
/// At the office it first sends Routes/ and Checklists/, then what was recorded since the last export with the
/// published plan; at a laptop, what was recorded since the last export. The work counts as exported only once the
/// hub's receipt is in: a sync cut off sends it again, and the hub takes each record once. Then it pulls until the
/// cursor stops moving, taking the senders' keys (each signed by the office), at a laptop the plan's files, and
/// every bundle with `ecv import`'s checks.
public struct HubSync {
    /// The hub, and the key requests are signed with.
    public let client: HubClient
    /// This laptop's (or the office's) bundle key: bundles pushed are signed with it.
    public let key: LaptopKey
    /// The office's public key: a key the hub hands on is taken only with its signature.
    public let officeKey: Curve25519.Signing.PublicKey
    /// Whether this is the office (it holds the office's private key): it sends the catalog and the plan.
    public let atOffice: Bool
    /// The folder holding Routes/ and Checklists/: the office's are sent, a laptop's replaced by the plan's.
    public let root: URL
    /// The database synced.
    public let store: Store
    /// The file keeping where the last pull from each hub ended and which plan version was last sent.
    public let statePath: String
    /// Who enrolls the keys and imports the bundles taken, on which laptop.
    public let actor: Actor
    /// Reads Routes/ and Checklists/ after the plan's files are taken; the bundles are checked against them.
    public let loadCatalog: () throws -> Catalog

    /// A sync of `store` (the database at `databasePath`) with the hub of `client`.
    ///
    /// The state file is `DATABASE.hub-sync.json` beside the database. `loadCatalog` defaults to reading `root`,
    /// refusing a catalog with errors.
    public init(
        client: HubClient, key: LaptopKey, officeKey: Curve25519.Signing.PublicKey, atOffice: Bool, root: URL,
        store: Store, databasePath: String, actor: Actor, loadCatalog: (() throws -> Catalog)? = nil
    ) {
        self.client = client
        self.key = key
        self.officeKey = officeKey
        self.atOffice = atOffice
        self.root = root
        self.store = store
        statePath = databasePath + ".hub-sync.json"
        self.actor = actor
        self.loadCatalog = loadCatalog ?? { try HubSync.catalog(at: root) }
    }

    /// Syncs and returns the lines that say what was sent and taken; `now` is the clock the bundle is exported
    /// and the bundles taken are checked against.
    public func run(at now: Date) async throws -> [String] {
        var state = try HubSyncState.read(from: statePath)
        let hubID = client.hub.absoluteString
        var lines: [String] = []
        if atOffice {
            let stored = try await client.pushCatalog(try PlanFiles(root: root).current())
            lines.append("sent Routes/ and Checklists/: \(stored) new file\(stored == 1 ? "" : "s") at the hub")
        }
        let (bundle, lastSeq) = try store.bundleSinceLastExport(
            laptop: key.name, at: now, id: TimeOrderedID.make(), carryingPlan: atOffice)
        let newPlan = bundle.plan.map { state.sentPlan[hubID] != $0.version } ?? false
        if !bundle.inspections.isEmpty || !bundle.results.isEmpty || !bundle.photos.isEmpty || !bundle.audit.isEmpty
            || newPlan
        {
            let data = try bundle.encoded(signedWith: key)
            let receipt = try await client.push(bundle: data)
            // Exported only now that the hub holds it: a push cut off is sent again next time.
            try store.markExported(bundle, lastSeq: lastSeq, file: "hub \(hubID)", sha256: data.sha256Hex)
            if let plan = bundle.plan { state.sentPlan[hubID] = plan.version }
            try state.write(to: statePath)
            lines.append(
                "sent \(bundle.inspections.count) inspections, \(bundle.results.count) results, "
                    + "\(bundle.photos.count) photos, \(bundle.audit.count) audit lines"
                    + (bundle.plan.map { " and the published plan, version \($0.version)," } ?? "")
                    + " (receipt \(receipt.sha256.prefix(12)): \(receipt.new) new, \(receipt.conflicts) conflicts)")
        } else {
            lines.append("nothing new to send")
        }
        var cursor = state.cursors[hubID] ?? 0
        while true {
            let pull = try await client.pull(since: cursor)
            lines += try take(pull, at: now)
            let done = pull.cursor <= cursor || pull.bundles.isEmpty
            cursor = max(cursor, pull.cursor)
            state.cursors[hubID] = cursor
            try state.write(to: statePath)
            if done { break }
        }
        return lines
    }

    /// Takes one pull: the senders' keys, the plan's files at a laptop, then each bundle.
    public func take(_ pull: Pull, at now: Date) throws -> [String] {
        var lines: [String] = []
        for enrollment in pull.keys where enrollment.name != key.name {
            guard enrollment.isSigned(by: officeKey) else {
                throw HubSyncError.refusedFromHub(
                    "the hub handed on the key of \(enrollment.name) without the office's signature; nothing was taken")
            }
            guard let raw = Data(base64Encoded: enrollment.publicKey),
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
                let role = Enrolment.Role(rawValue: enrollment.role)
            else {
                throw HubSyncError.refusedFromHub(
                    "the hub handed on an unreadable key for \(enrollment.name); nothing was taken")
            }
            if try store.enroll(laptop: enrollment.name, publicKey: publicKey, role: role, by: actor, at: now) {
                lines.append("enrolled \(enrollment.name) (\(enrollment.role)), signed by the office")
            }
        }
        if !atOffice, !pull.files.isEmpty {
            let changed = try PlanFiles(root: root).take(pull.files, at: now)
            if !changed.isEmpty {
                lines.append("took the published plan's files: " + changed.joined(separator: ", "))
            }
        }
        guard !pull.bundles.isEmpty else { return lines }
        // The files just taken are the catalog the bundles are checked against.
        let importer = BundleImporter(catalog: try loadCatalog(), store: store, actor: actor)
        for (index, data) in pull.bundles.enumerated() {
            do {
                lines.append(
                    try importer.take(data, named: "hub bundle \(index + 1) of \(pull.bundles.count)", at: now)
                        .trimmingCharacters(in: .newlines))
            } catch let error as HubSyncError {
                // The hub checked it too: a bundle refused here is said, and the others are still taken.
                lines.append("refused: " + error.lines.joined(separator: "; "))
            }
        }
        return lines
    }

    /// Routes/ and Checklists/ of `root`; a catalog with an error is refused.
    public static func catalog(at root: URL) throws(HubSyncError) -> Catalog {
        let load = CatalogLoader.load(root: root)
        if let first = load.errors.first {
            throw .invalidCatalog(first: first.description, count: load.errors.count)
        }
        return load.catalog
    }
}
