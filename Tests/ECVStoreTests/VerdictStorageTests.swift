import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import GRDB
import Testing

@testable import ECVStore

/// The stored verdicts and latest results that make the readiness board fast must always say what the
/// full history of results says.
@Suite struct VerdictStorageTests {
    static let catalog = StoreTests.catalog
    static let actor = StoreTests.actor

    /// The board as the verdict rules give it from every result ever recorded, vehicle by vehicle.
    static func boardFromHistory(_ store: Store) throws -> [String: (VehicleVerdict, Bool)] {
        var board: [String: (VehicleVerdict, Bool)] = [:]
        for placement in catalog.placements {
            let history = try store.results(ofVehicle: placement.vehicle.id)
            board[placement.vehicle.id] = (
                VerdictRules.verdict(items: catalog.items(applyingTo: placement.vehicle), results: history),
                !history.isEmpty
            )
        }
        return board
    }

    @Test(arguments: 0..<6)
    func theBoardSaysWhatTheWholeHistorySays(_ seed: Int) throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        var random = SeededGenerator(seed: UInt64(seed))
        let placements = Array(Self.catalog.placements.prefix(12))
        let statuses = ["pass", "fail", "na"]
        for step in 0..<40 {
            let placement = placements.randomElement(using: &random) ?? placements[0]
            let items = Self.catalog.items(applyingTo: placement.vehicle)
            let chosen = items.shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random))
            // Now and then a result arrives with an older time, as from a laptop that synchronises late.
            let minutes = Bool.random(using: &random) && step > 5 ? step - 5 : step
            let at = StoreTests.now.addingTimeInterval(Double(minutes * 60))
            if Int.random(in: 0..<4, using: &random) == 0 {
                // Written without the items: the verdict is computed when the board is read.
                let inspection = try store.write { db in
                    try InspectionLifecycle.inspection(
                        for: placement, items: items, seasonStart: nil,
                        checklists: ChecklistFingerprints(Self.catalog.checklists),
                        by: Self.actor, at: TimeStamp(at), makeID: TimeOrderedID.make, db)
                }
                let results = chosen.map {
                    ItemResult(
                        itemID: $0.fullID,
                        status: ItemResult.Status(rawValue: statuses.randomElement(using: &random) ?? "pass") ?? .pass,
                        note: "n")
                }
                try store.record(
                    results, in: inspection, items: nil, by: Self.actor, at: at, makeID: TimeOrderedID.make)
            } else {
                let entries = chosen.map { item in
                    let status = statuses.randomElement(using: &random) ?? "pass"
                    return ResultEntry(
                        itemID: item.fullID, value: status == "pass" ? item.passingAnswer : status, note: "n",
                        source: "entry")
                }
                _ = try store.record(
                    entries, for: placement, catalog: Self.catalog, by: Self.actor, at: at,
                    makeID: TimeOrderedID.make)
            }
        }
        let expected = try Self.boardFromHistory(store)
        for row in try store.board(Self.catalog) {
            let (verdict, inspected) = try #require(expected[row.vehicle])
            #expect(row.verdict == verdict, "seed \(seed) \(row.vehicle)")
            #expect((row.inspected != nil) == inspected, "seed \(seed) \(row.vehicle)")
        }
    }

    @Test func aDatabaseWithResultsFromTheFirstSchemaKeepsThemAndItsBoard() throws {
        let folder = try TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.databasePath)
        try Migrations.migrator.migrate(queue, upTo: "v1")
        let placement = try StoreTests.placement()
        let inspection = UUID()
        let at = StoreTests.now
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO inspection (id, vehicleID, clientID, siteID, routeID, equipment, teamID, engineer,
                    laptop, startedAt, kind, checklists) VALUES (?, ?, 'hlj-fire', 's', 'northeast', '[]', 'team-ne',
                    'Zhang Wei', 'laptop-1', ?, 'full', '{}')
                    """, arguments: [inspection, placement.vehicle.id, at])
            for (index, status) in ["fail", "pass"].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO result (id, version, inspectionID, itemID, status, recordedAt, recordedBy, laptop)
                        VALUES (?, ?, ?, 'power.generator-start', ?, ?, 'Zhang Wei', 'laptop-1')
                        """,
                    arguments: [UUID(), index + 1, inspection, status, at.addingTimeInterval(Double(index * 60))])
            }
            try db.execute(
                sql: """
                    INSERT INTO audit (id, at, who, laptop, entity, entityID, vehicleID, new)
                    VALUES (?, ?, 'Zhang Wei', 'laptop-1', 'inspection', 'x', ?, '{}')
                    """, arguments: [UUID(), at, placement.vehicle.id])
        }
        try queue.close()

        let store = try Store(path: folder.databasePath)
        #expect(try store.results(ofVehicle: placement.vehicle.id).map(\.status) == [.fail, .pass])
        #expect(try store.audit(ofVehicle: placement.vehicle.id).map(\.entity) == ["inspection"])
        let row = try #require(try store.board(Self.catalog).first { $0.vehicle == placement.vehicle.id })
        #expect(row.verdict.failed.isEmpty)
        #expect(row.verdict.readiness == .incomplete)
        #expect(row.inspected == at.addingTimeInterval(60))
    }

    @Test func aBatchForManyVehiclesWithOneBadEntryWritesNothing() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let first = try StoreTests.placement("HLJ-FIRE-01")
        let second = try #require(Self.catalog.placements.first { $0.vehicle.id != "HLJ-FIRE-01" })
        #expect(throws: EntryErrors.self) {
            try store.record(
                [
                    (first, StoreTests.entries([("power.grounding", "1.2")])),
                    (second, StoreTests.entries([("power.grounding", "lots")])),
                ], catalog: Self.catalog, by: Self.actor, at: StoreTests.now, makeID: TimeOrderedID.make)
        }
        #expect(try store.results(ofVehicle: first.vehicle.id).isEmpty)
        #expect(try store.inspections(ofVehicle: first.vehicle.id).isEmpty)
        #expect(try store.board(Self.catalog).allSatisfy { $0.verdict.readiness == .notInspected })
    }

    @Test func timeOrderedIDsAscendAndAreVersion7() {
        let ids = (0..<5_000).map { _ in TimeOrderedID.make() }
        let bytes = ids.map { id in withUnsafeBytes(of: id.uuid) { Array($0) } }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(bytes.allSatisfy { $0[6] >> 4 == 7 && $0[8] >> 6 == 0b10 })
        #expect(Set(ids).count == ids.count)
    }
}
