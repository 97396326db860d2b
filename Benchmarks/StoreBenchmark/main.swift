import ECVCatalog
import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation
import GRDB

// Store speed: importing 100,000 results in one all-or-nothing call (as `ecv record --file` does), the same
// results as a signed sync bundle imported at an office while web answers are saved, and the readiness board
// over 10,000 vehicles with 10 inspections each. Run in release mode:
// swift run -c release store-benchmark [--import-only | --bundle]

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.sorted()[runs / 2]
}

let folder = try TemporaryFolder()
let catalogRoot = folder.url.appendingPathComponent("catalog")
try CatalogGenerator(teams: 100, sitesPerRoute: 10, vehiclesPerSite: 10, days: 60).write(
    to: catalogRoot, checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))
let catalog = CatalogLoader.load(root: catalogRoot).catalog
let placements = catalog.placements
let actor = Actor(who: "bench", laptop: "bench")
let start = Date(timeIntervalSince1970: 1_805_000_000)

// 1. Every item of 3,000 vehicles (about 100,000 results) as a spreadsheet would give them: judged, then
//    written with new inspections, audit lines, latest results and verdicts in one transaction.
let importStore = try Store(path: folder.url.appendingPathComponent("import.sqlite").path)
let sheet = placements.prefix(3_000).map { placement in
    (
        placement: placement,
        entries: catalog.items(applyingTo: placement.vehicle).map {
            ResultEntry(itemID: $0.fullID, value: $0.passingAnswer, note: nil, source: "row")
        }
    )
}
let resultCount = sheet.reduce(0) { $0 + $1.entries.count }
let importSeconds = try seconds {
    _ = try importStore.record(sheet, catalog: catalog, by: actor, at: start, makeID: TimeOrderedID.make)
}
if CommandLine.arguments.contains("--import-only") && !CommandLine.arguments.contains("--bundle") {
    print(String(format: "import %d results: %.3f s", resultCount, importSeconds))
    exit(0)
}

// 1b. The same work as a signed bundle, imported at an office: read and checked without the write lock,
//     then written in one transaction, while a web answer is saved every 20 ms into the same database.
let key = try LaptopKey.create(name: "bench", in: folder.url.appendingPathComponent("keys"))
let (bundle, _) = try importStore.bundleSinceLastExport(
    laptop: "bench", at: start.addingTimeInterval(3600), id: TimeOrderedID.make())
let bundleData = try bundle.encoded(signedWith: key)
let office = try Store(path: folder.url.appendingPathComponent("office.sqlite").path)
let officeActor = Actor(who: "office", laptop: "office")
try office.enroll(laptop: "bench", publicKey: key.publicKey, by: officeActor, at: start)
guard let answered = placements.last else { fatalError("the generated catalog has no vehicles") }
let answers = AnswerProbe()
let probe = Thread {
    while !answers.isDone {
        let began = Date()
        _ = try? office.record(
            [ResultEntry(itemID: "power.grounding", value: "1.1", source: "web")], for: answered, catalog: catalog,
            by: officeActor, at: start.addingTimeInterval(7200), makeID: TimeOrderedID.make)
        answers.add(Date().timeIntervalSince(began))
        usleep(20_000)
    }
}
probe.start()
let bundleSeconds = try seconds {
    _ = try office.importBundle(
        try SyncBundle(data: bundleData), file: "bench.ecvbundle",
        rules: ImportRules(catalog: catalog, now: start.addingTimeInterval(86_400), importer: "office"),
        by: officeActor, makeID: TimeOrderedID.make)
}
answers.finish()
let readOnlySeconds = try seconds { _ = try SyncBundle(data: bundleData) }

// 2. The board: 10,000 vehicles, 10 inspections each with 5 results. The inspections are written straight
//    into the database as fixture data; the results through the store.
if CommandLine.arguments.contains("--bundle") {
    print(
        String(
            format: "bundle import %d results: %.3f s (reading %.3f s); %d web answers meanwhile, slowest %.3f s",
            bundle.results.count, bundleSeconds, readOnlySeconds, answers.count, answers.slowest))
    exit(0)
}

let boardPath = folder.url.appendingPathComponent("board.sqlite").path
let boardStore = try Store(path: boardPath)
let fingerprints = ChecklistFingerprints(catalog.checklists)
var inspections: [InspectionRecord] = []
var boardBatches: [(inspection: InspectionRecord, results: [ItemResult], items: [ChecklistItem]?)] = []
for (index, placement) in placements.enumerated() {
    let items = catalog.items(applyingTo: placement.vehicle)
    for round in 0..<10 {
        let inspection = InspectionRecord(
            id: TimeOrderedID.make(), vehicleID: placement.vehicle.id, clientID: placement.site.clientID,
            siteID: placement.site.id, routeID: placement.route.id, equipment: "[]", teamID: placement.route.teamID,
            engineer: actor.who, laptop: actor.laptop, startedAt: start.addingTimeInterval(Double(round * 3600)),
            finishedAt: nil, kind: "full", checklists: fingerprints.json)
        inspections.append(inspection)
        let results = (0..<5).map { offset -> ItemResult in
            let item = items[(round * 5 + offset) % items.count]
            return ItemResult(
                itemID: item.fullID, status: (index + round + offset) % 17 == 0 ? .fail : .pass, note: "x")
        }
        boardBatches.append((inspection, results, items))
    }
}
let fixture = try DatabaseQueue(path: boardPath)
try fixture.write { db in for inspection in inspections { try inspection.insert(db) } }
try fixture.close()
try boardStore.record(batches: boardBatches, by: actor, at: start, makeID: TimeOrderedID.make)
var rows: [BoardRow] = []
let boardSeconds = try median(5) { rows = try boardStore.board(catalog) }

// 3. The same board when every stored verdict must be computed again (checklists changed).
let stale = try DatabaseQueue(path: boardPath)
try stale.write { db in try db.execute(sql: "UPDATE verdict SET itemsKey = ''") }
try stale.close()
let staleSeconds = try median(3) { rows = try boardStore.board(catalog) }

print("| measure | size | seconds |")
print("|---|---|---|")
print(
    String(
        format: "| import results in one call | %d results, %d vehicles | %.3f |", resultCount, sheet.count,
        importSeconds))
print(
    String(
        format: "| import a signed bundle (read, verify, check, write) | %d results, %d MB | %.3f |",
        bundle.results.count, bundleData.count / 1_000_000, bundleSeconds))
print(String(format: "| of which reading the bundle | same | %.3f |", readOnlySeconds))
print(
    String(
        format: "| web answers saved during that import: slowest of %d | 1 result each | %.3f |", answers.count,
        answers.slowest))
print(
    String(
        format: "| readiness board (median of 5) | %d vehicles, %d inspections, %d results | %.3f |", rows.count,
        boardBatches.count, boardBatches.count * 5, boardSeconds))
print(String(format: "| board, every verdict computed again (median of 3) | same | %.3f |", staleSeconds))

/// Times of answers saved by another thread while an import runs.
final class AnswerProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Double] = []
    private var done = false

    var isDone: Bool { lock.withLock { done } }
    var count: Int { lock.withLock { times.count } }
    var slowest: Double { lock.withLock { times.max() ?? 0 } }

    func add(_ seconds: Double) { lock.withLock { times.append(seconds) } }
    func finish() { lock.withLock { done = true } }
}
