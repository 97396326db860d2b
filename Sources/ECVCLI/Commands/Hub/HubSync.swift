import Crypto
import ECVHubClient
import ECVReports
import ECVStore
import ECVSync
import Foundation

/// One sync with the hub: push, then pull; see `SyncCommand` for what each step does and why in that order.
struct HubSync {
    let global: GlobalOptions
    let client: HubClient
    let key: LaptopKey
    /// The office's key: its private half only at the office.
    let office: ReportSigner

    /// Where the last pull from each hub ended and which plan version was last sent, beside the database.
    struct State: Codable {
        var cursors: [String: Int64] = [:]
        var sentPlan: [String: Int] = [:]
    }

    var statePath: String { global.databasePath + ".hub-sync.json" }

    /// Syncs and returns the lines that say what was sent and taken.
    func run(at now: Date) async throws -> [String] {
        var state = try readState()
        let hubID = client.hub.absoluteString
        var lines: [String] = []
        let atOffice = office.canSign
        if atOffice {
            let stored = try await client.pushCatalog(try PlanFiles(root: global.rootURL).current())
            lines.append("sent Routes/ and Checklists/: \(stored) new file\(stored == 1 ? "" : "s") at the hub")
        }
        let store = try global.openStore()
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
            try writeState(state)
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
            lines += try take(pull, into: store, atOffice: atOffice, at: now)
            let done = pull.cursor <= cursor || pull.bundles.isEmpty
            cursor = max(cursor, pull.cursor)
            state.cursors[hubID] = cursor
            try writeState(state)
            if done { break }
        }
        return lines
    }

    /// Takes one pull: the senders' keys, the plan's files at a laptop, then each bundle.
    func take(_ pull: Pull, into store: Store, atOffice: Bool, at now: Date) throws -> [String] {
        var lines: [String] = []
        let actor = try global.actor()
        for enrollment in pull.keys where enrollment.name != key.name {
            guard enrollment.isSigned(by: office.publicKey) else {
                throw CLIError.said(
                    "the hub handed on the key of \(enrollment.name) without the office's signature; nothing was taken")
            }
            guard let raw = Data(base64Encoded: enrollment.publicKey),
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
                let role = Enrolment.Role(rawValue: enrollment.role)
            else {
                throw CLIError.said("the hub handed on an unreadable key for \(enrollment.name); nothing was taken")
            }
            if try store.enroll(laptop: enrollment.name, publicKey: publicKey, role: role, by: actor, at: now) {
                lines.append("enrolled \(enrollment.name) (\(enrollment.role)), signed by the office")
            }
        }
        if !atOffice, !pull.files.isEmpty {
            let changed = try PlanFiles(root: global.rootURL).take(pull.files, at: now)
            if !changed.isEmpty {
                lines.append("took the published plan's files: " + changed.joined(separator: ", "))
            }
        }
        guard !pull.bundles.isEmpty else { return lines }
        // The files just taken are the catalog the bundles are checked against.
        let importer = BundleImporter(catalog: try global.loadCatalog(), store: store, actor: actor)
        for (index, data) in pull.bundles.enumerated() {
            do {
                lines.append(
                    try importer.take(data, named: "hub bundle \(index + 1) of \(pull.bundles.count)")
                        .trimmingCharacters(in: .newlines))
            } catch let error as CLIError {
                // The hub checked it too: a bundle refused here is said, and the others are still taken.
                lines.append("refused: " + error.lines.joined(separator: "; "))
            }
        }
        return lines
    }

    private func readState() throws -> State {
        guard let data = FileManager.default.contents(atPath: statePath) else { return State() }
        do {
            return try JSONDecoder().decode(State.self, from: data)
        } catch {
            throw CLIError.badFile("\(statePath): not the sync state ecv writes (\(error)); remove it to pull again")
        }
    }

    private func writeState(_ state: State) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try DurableFile.replace(statePath, with: try encoder.encode(state))
        } catch {
            throw CLIError.badFile("\(statePath): \(error)")
        }
    }
}
