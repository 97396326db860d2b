import ECVCatalog
import ECVModel
import ECVStore
import ECVTestSupport
import Foundation

// Store speed: recording 100,000 results in one batch, and the readiness board over 10,000 vehicles
// with 10 inspections each. Run in release mode: swift run -c release store-benchmark

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let folder = try TemporaryFolder()
let catalogRoot = folder.url.appendingPathComponent("catalog")
try CatalogGenerator(teams: 100, sitesPerRoute: 10, vehiclesPerSite: 10, days: 60).write(
    to: catalogRoot, checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))
let catalog = CatalogLoader.load(root: catalogRoot).catalog
let placements = catalog.placements
let actor = Actor(who: "bench", laptop: "bench")
let start = Date(timeIntervalSince1970: 1_805_000_000)
let fingerprints = ChecklistFingerprints(catalog.checklists)

// 1. About 100,000 results in one call: every item of 3,000 vehicles, one transaction.
let batchStore = try Store(path: folder.url.appendingPathComponent("batch.sqlite").path)
var batches: [(InspectionRecord, [ItemResult])] = []
for placement in placements.prefix(3_000) {
    let inspection = try batchStore.startInspection(
        of: placement, team: placement.route.teamID, checklists: fingerprints, by: actor, at: start, id: UUID())
    let items = catalog.items(applyingTo: placement.vehicle)
    batches.append((inspection, items.map { ItemResult(itemID: $0.fullID, status: .pass) }))
}
let resultCount = batches.reduce(0) { $0 + $1.1.count }
let recordSeconds = try seconds {
    try batchStore.record(batches: batches, by: actor, at: start, makeID: UUID.init)
}

if CommandLine.arguments.contains("--batch-only") {
    print(String(format: "record %d results: %.3f s", resultCount, recordSeconds))
    exit(0)
}

// 2. The board: 10,000 vehicles, 10 inspections each with 5 results.
let boardStore = try Store(path: folder.url.appendingPathComponent("board.sqlite").path)
var boardBatches: [(InspectionRecord, [ItemResult])] = []
for (index, placement) in placements.enumerated() {
    let items = catalog.items(applyingTo: placement.vehicle)
    for round in 0..<10 {
        let inspection = try boardStore.startInspection(
            of: placement, team: placement.route.teamID, checklists: fingerprints, by: actor,
            at: start.addingTimeInterval(Double(round * 3600)), id: UUID())
        let results = (0..<5).map { offset -> ItemResult in
            let item = items[(round * 5 + offset) % items.count]
            return ItemResult(
                itemID: item.fullID, status: (index + round + offset) % 17 == 0 ? .fail : .pass, note: "x")
        }
        boardBatches.append((inspection, results))
    }
}
try boardStore.record(batches: boardBatches, by: actor, at: start, makeID: UUID.init)
var boardTimes: [Double] = []
var rows: [BoardRow] = []
for _ in 0..<5 {
    boardTimes.append(try seconds { rows = try boardStore.board(catalog) })
}
boardTimes.sort()

print("| measure | size | seconds |")
print("|---|---|---|")
print(String(format: "| record results in one batch | %d results | %.3f |", resultCount, recordSeconds))
print(
    String(
        format: "| readiness board (median of 5) | %d vehicles, %d inspections, %d results | %.3f |", rows.count,
        boardBatches.count, boardBatches.count * 5, boardTimes[2]))
