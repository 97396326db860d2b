import AsyncHTTPClient
import Crypto
import ECVCatalog
import ECVHubClient
import ECVHubTestSupport
import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation

// The hub under load: a real `ecv hub serve` on a throwaway PostgreSQL cluster, 50 laptops (enrolled keys) with
// 2,000 results each pushing at once, one bundle per inspected vehicle as a laptop syncs from a client's yard,
// through a proxy that drops replies after the hub committed, sends requests twice and holds some back. Then:
// every result sent is stored once, and the board an office builds from what the hub relays equals the board of
// importing the same bundles. Run in release mode, `ecv` built first (the hub is that binary):
// swift build -c release --product ecv && swift run -c release hub-load [--laptops N] [--results N]
//     [--vehicles-per-bundle N] [--seed N] [--drop-percent 2] [--duplicate-percent 2] [--delay-percent 5]

func option(_ name: String, _ fallback: Int, allowingZero: Bool = false) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
        let value = Int(CommandLine.arguments[index + 1]), value > 0 || (allowingZero && value == 0), value <= 1_000_000
    else { return fallback }
    return value
}

let laptopCount = option("--laptops", 50)
let resultsPerLaptop = option("--results", 2_000)
let vehiclesPerBundle = option("--vehicles-per-bundle", 1)
let seed = UInt64(option("--seed", 1))
/// Per cent of pushes whose reply is dropped, that are sent twice, that are held back.
let dropPercent = option("--drop-percent", 2, allowingZero: true)
let duplicatePercent = option("--duplicate-percent", 2, allowingZero: true)
let delayPercent = option("--delay-percent", 5, allowingZero: true)

/// One laptop's key and the bundles it pushes, in order.
struct Laptop: Sendable {
    var key: LaptopKey
    var team: String
    var bundles: [Data] = []
    var results = 0
}

// 1. The laptops' work: each laptop inspects the vehicles of its own line, item by item (every 13th check
//    fails), and exports a signed bundle after each `vehiclesPerBundle` vehicles.
let folder = try TemporaryFolder()
let catalogRoot = folder.url.appendingPathComponent("catalog")
try CatalogGenerator(teams: laptopCount, sitesPerRoute: 10, vehiclesPerSite: 10, days: 60).write(
    to: catalogRoot, checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))
let catalog = CatalogLoader.load(root: catalogRoot).catalog
let lines = Dictionary(grouping: catalog.placements, by: \.route.id).sorted { $0.key < $1.key }.map(\.value)
let recordedAt = Date().addingTimeInterval(-86_400)
let keysFolder = folder.url.appendingPathComponent("keys")
let preparing = Stopwatch()
let prepared = UnsafeSlots<Laptop>(count: laptopCount)
DispatchQueue.concurrentPerform(iterations: laptopCount) { index in
    do {
        let name = "lap-\(index + 1)"
        let placements = lines[index % lines.count]
        var laptop = Laptop(
            key: try LaptopKey.create(name: name, in: keysFolder), team: placements.first?.route.teamID ?? "")
        let store = try Store(path: folder.url.appendingPathComponent("\(name).sqlite").path)
        let actor = Actor(who: "Engineer \(index + 1)", laptop: name)
        var left = resultsPerLaptop
        var vehicles = 0
        for placement in placements where left > 0 {
            let items = catalog.items(applyingTo: placement.vehicle).prefix(left)
            let entries = items.enumerated().map { offset, item in
                item.kind == .check && offset % 13 == 0
                    ? ResultEntry(itemID: item.fullID, value: "fail", note: "worn", source: "bench")
                    : ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "bench")
            }
            _ = try store.record(
                [(placement, entries)], catalog: catalog, by: actor, at: recordedAt, makeID: TimeOrderedID.make)
            left -= entries.count
            vehicles += 1
            if vehicles % vehiclesPerBundle == 0 || left == 0 {
                let (bundle, lastSeq) = try store.bundleSinceLastExport(
                    laptop: name, at: recordedAt, id: TimeOrderedID.make())
                let data = try bundle.encoded(signedWith: laptop.key)
                try store.markExported(bundle, lastSeq: lastSeq, file: "hub", sha256: data.sha256Hex)
                laptop.bundles.append(data)
                laptop.results += bundle.results.count
            }
        }
        prepared[index] = laptop
    } catch {
        fatalError("laptop \(index + 1): \(error)")
    }
}
let laptops = prepared.values
let bundleCount = laptops.reduce(0) { $0 + $1.bundles.count }
let sent = laptops.reduce(0) { $0 + $1.results }
FileHandle.standardError.write(
    Data(
        String(
            format: "prepared %d bundles, %d results in %.1f s\n", bundleCount, sent,
            preparing.seconds
        ).utf8))

// 2. The hub, its keys and the office's catalog.
let officeKey = Curve25519.Signing.PrivateKey()
let officeKeyPath = folder.url.appendingPathComponent("office-ed25519.pub").path
try Data((officeKey.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8).write(
    to: URL(fileURLWithPath: officeKeyPath))
let hub = try RunningHub(officeKey: officeKeyPath)
let hubURL = URL(string: hub.url) ?? URL(fileURLWithPath: "/")

func enrollment(_ name: String, _ key: Curve25519.Signing.PublicKey, role: String, team: String?) throws -> Enrollment {
    let publicKey = key.rawRepresentation.base64EncodedString()
    let signature = try officeKey.signature(
        for: Data(Enrollment.signedText(name: name, role: role, publicKey: publicKey).utf8))
    return Enrollment(
        name: name, role: role, publicKey: publicKey, team: team, officeSignature: signature.base64EncodedString())
}

let atOffice = HubClient(
    hub: hubURL,
    signer: HubClient.Signer(name: SignedRequest.officeKeyName) {
        try officeKey.signature(for: $0).base64EncodedString()
    })
let officeBundleKey = Curve25519.Signing.PrivateKey()
_ = try await atOffice.enroll(enrollment("office", officeBundleKey.publicKey, role: "office", team: nil))
for laptop in laptops {
    _ = try await atOffice.enroll(enrollment(laptop.key.name, laptop.key.publicKey, role: "laptop", team: laptop.team))
}
let office = HubClient(
    hub: hubURL,
    signer: HubClient.Signer(name: "office") { try officeBundleKey.signature(for: $0).base64EncodedString() })
let catalogFiles = try PlanInputs.read(root: catalogRoot).files.keys.sorted().map { path in
    let content = try Data(contentsOf: catalogRoot.appendingPathComponent(path))
    return Pull.File(path: path, sha256: content.sha256Hex, content: content)
}
_ = try await office.pushCatalog(catalogFiles)

// 3. Every laptop pushes its bundles one after another, all laptops at once, each on an HTTP client of its own
//    (a laptop's own connections), through the faults; a push's time runs until its receipt is in.
let policy = FaultPolicy(
    matching: "POST /v1/bundles", dropResponse: Double(min(dropPercent, 100)) / 100,
    duplicate: Double(min(duplicatePercent, 100)) / 100, delay: Double(min(delayPercent, 100)) / 100,
    maximumDelay: .milliseconds(200), seed: seed)
let proxy = try await FaultProxy.start(forwardingTo: hub.port, policy: policy)
let pushing = Stopwatch()
let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
    for laptop in laptops {
        group.addTask {
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            var client = HubClient(
                hub: URL(string: proxy.url) ?? hubURL,
                signer: HubClient.Signer(name: laptop.key.name) { try laptop.key.signature(for: $0) })
            client.http = http
            var times: [Double] = []
            do {
                for bundle in laptop.bundles {
                    let push = Stopwatch()
                    let receipt = try await client.push(bundle: bundle)
                    times.append(push.seconds)
                    guard receipt.sha256 == bundle.sha256Hex else { fatalError("a receipt for other bytes") }
                }
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
            return times
        }
    }
    var all: [Double] = []
    for try await times in group { all += times }
    return all
}
let wallSeconds = pushing.seconds
await proxy.stop()

// 4. What the hub holds, and the board.
let storedRows = try await hub.integer("SELECT count(*) FROM result")
let distinctRows = try await hub.integer("SELECT count(DISTINCT id) FROM result")
let receipts = try await hub.integer("SELECT count(*) FROM receipt WHERE signer <> 'office'")
let status = try String(contentsOfFile: "/proc/\(hub.processIdentifier)/status", encoding: .utf8)
func kilobytes(_ field: String) -> Int {
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
let peakRSS = kilobytes("VmHWM")

/// A store at the office that knows every laptop's key.
func officeStore(_ name: String) throws -> Store {
    let store = try Store(path: folder.url.appendingPathComponent(name).path)
    for laptop in laptops {
        _ = try store.enroll(
            laptop: laptop.key.name, publicKey: laptop.key.publicKey, by: Actor(who: "office", laptop: "office"),
            at: recordedAt)
    }
    return store
}

func take(_ bundles: [Data], into store: Store) throws {
    let rules = ImportRules(catalog: catalog, now: Date(), importer: "office")
    for data in bundles {
        _ = try store.importBundle(
            try SyncBundle(data: data), file: "bench", rules: rules, by: Actor(who: "office", laptop: "office"),
            makeID: TimeOrderedID.make)
    }
}

let carried = try officeStore("carried.sqlite")
try take(laptops.flatMap(\.bundles), into: carried)
let synced = try officeStore("synced.sqlite")
var cursor: Int64 = 0
while true {
    let pull = try await office.pull(since: cursor)
    try take(pull.bundles, into: synced)
    if pull.bundles.isEmpty || pull.cursor <= cursor { break }
    cursor = pull.cursor
}
let boardsEqual = try carried.board(catalog) == synced.board(catalog)
try hub.stop()

let sorted = latencies.sorted()
func percentile(_ share: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * share).rounded(.up)) - 1)]
}
let faults = proxy.log.snapshot
let duplicateAnswers =
    faults.duplicateStatuses.isEmpty
    ? "—" : Set(faults.duplicateStatuses).sorted().map { String($0) }.joined(separator: ", ")
print("| measure | value |")
print("|---|---|")
print("| laptops × results | \(laptops.count) × \(resultsPerLaptop) |")
print("| pushes (bundles) | \(bundleCount), \(vehiclesPerBundle) vehicle(s) each |")
print(
    "| faults injected | \(faults.droppedResponses.count) replies dropped, \(faults.duplicateStatuses.count) requests "
        + "sent twice (the hub answered them \(duplicateAnswers)), "
        + "\(faults.delayed) held back ≤ 200 ms |")
print("| results sent | \(sent) |")
print("| results stored | \(storedRows) |")
print("| lost | \(sent - distinctRows) |")
print("| doubled | \(storedRows - distinctRows) |")
print("| receipts | \(receipts) for \(bundleCount) bundles |")
print("| board equal to importing the same bundles | \(boardsEqual ? "yes" : "no") |")
print(
    String(
        format: "| push latency p50 / p90 / p99 / max | %.3f / %.3f / %.3f / %.3f s |", percentile(0.5),
        percentile(0.9), percentile(0.99), sorted.last ?? 0))
print(String(format: "| wall time of the pushes | %.1f s |", wallSeconds))
print("| hub RSS, peak | \(peakRSS / 1024) MB |")

/// Slots filled by concurrent workers, one each.
final class UnsafeSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
