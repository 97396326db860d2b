import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import GRDB
import Testing

@testable import ECVStore
@testable import ECVSync

@Suite struct StoreTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
    static let actor = Actor(who: "Zhang Wei", laptop: "laptop-1")
    static let now = Date(timeIntervalSince1970: 1_805_000_000)

    static func placement(_ id: String = "HLJ-FIRE-01") throws -> Catalog.VehiclePlacement {
        try #require(catalog.placement(ofVehicle: id))
    }

    static func entries(_ pairs: [(String, String)], note: String? = nil) -> [ResultEntry] {
        pairs.enumerated().map { index, pair in
            ResultEntry(itemID: pair.0, value: pair.1, note: note, source: "entry \(index + 1)")
        }
    }

    @Test func migratesAnEmptyFileToTheLatestSchema() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        #expect(try store.appliedMigrations() == Migrations.migrator.migrations)
    }

    @Test func opensADatabaseWrittenAtEveryEarlierMigration() throws {
        for (index, migration) in Migrations.migrator.migrations.enumerated() {
            let folder = try TemporaryFolder()
            let queue = try DatabaseQueue(path: folder.databasePath)
            try Migrations.migrator.migrate(queue, upTo: migration)
            try queue.close()
            let store = try Store(path: folder.databasePath)
            #expect(try store.appliedMigrations() == Migrations.migrator.migrations, "from state \(index)")
        }
    }

    @Test func aBatchWithOneBadEntryWritesNothing() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let ids = SequentialIDs()
        let bad = Self.entries([("power.grounding", "1.2"), ("power.generator-voltage", "high")])
        #expect(throws: EntryErrors.self) {
            try store.record(
                bad, for: Self.placement(), catalog: Self.catalog, by: Self.actor, at: Self.now, makeID: ids.make)
        }
        #expect(try store.results(ofVehicle: "HLJ-FIRE-01").isEmpty)
        #expect(try store.audit(ofVehicle: "HLJ-FIRE-01").isEmpty)
        #expect(try store.inspections(ofVehicle: "HLJ-FIRE-01").isEmpty)
    }

    @Test func aCorrectionIsANewVersionWithBothInTheTrail() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let ids = SequentialIDs()
        let placement = try Self.placement()
        _ = try store.record(
            Self.entries([("power.generator-start", "fail")], note: "starter relay dead"), for: placement,
            catalog: Self.catalog, by: Self.actor, at: Self.now, makeID: ids.make)
        _ = try store.record(
            Self.entries([("power.generator-start", "pass")]), for: placement, catalog: Self.catalog, by: Self.actor,
            at: Self.now.addingTimeInterval(3600), makeID: ids.make)
        let rows = try store.pool.read { db in try ResultRecord.order(Column("version")).fetchAll(db) }
        #expect(rows.map(\.version) == [1, 2])
        #expect(Set(rows.map(\.id)).count == 1)
        #expect(rows.map(\.status) == ["fail", "pass"])
        let trail = try store.audit(ofVehicle: "HLJ-FIRE-01")
        #expect(trail.map(\.entity) == ["inspection", "result", "result"])
        #expect(trail.last?.old?.contains("\"status\":\"fail\"") == true)
        #expect(trail.last?.new.contains("\"status\":\"pass\"") == true)
    }

    @Test func theTrailAndResultsCannotBeChangedInPlace() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        _ = try store.record(
            Self.entries([("power.grounding", "1.2")]), for: Self.placement(), catalog: Self.catalog, by: Self.actor,
            at: Self.now, makeID: SequentialIDs().make)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE audit SET who = 'x'") }
        }
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM audit") } }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE result SET status = 'pass'") }
        }
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM result") } }
    }

    @Test func theBoardFollowsACriticalFailureAndItsRepair() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let ids = SequentialIDs()
        let placement = try Self.placement()
        let items = Self.catalog.items(applyingTo: placement.vehicle)
        let allPassing = items.map { ($0.fullID, $0.passingAnswer) }
        let failing = allPassing.map { $0.0 == "power.generator-start" ? ($0.0, "fail") : $0 }
        _ = try store.record(
            Self.entries(failing, note: "seen on site"), for: placement, catalog: Self.catalog, by: Self.actor,
            at: Self.now, makeID: ids.make)
        var row = try #require(try store.board(Self.catalog).first)
        #expect(row.vehicle == "HLJ-FIRE-01")
        #expect(row.verdict.readiness == .notDeployable)
        #expect(row.verdict.failed == [Finding(itemID: "power.generator-start", severity: .critical)])
        _ = try store.record(
            Self.entries([("power.generator-start", "pass")]), for: placement, catalog: Self.catalog, by: Self.actor,
            at: Self.now.addingTimeInterval(60), makeID: ids.make)
        row = try #require(try store.board(Self.catalog, route: "northeast").first { $0.vehicle == "HLJ-FIRE-01" })
        #expect(row.verdict.readiness == .deployable)
        #expect(row.inspected == Self.now.addingTimeInterval(60))
    }
}

/// Reading commands open the database for reading only.
@Suite struct ReadOnlyStoreTests {
    @Test func aStoreOpenedForReadingShowsTheBoardAndWritesNothing() throws {
        let site = try SyncTests.Site("laptop-a")
        try site.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 0)
        let before = try site.dump()
        let reader = try Store(path: site.store.path, readOnly: true)
        let row = try reader.board(SyncTests.catalog).first { $0.vehicle == "HLJ-FIRE-01" }
        #expect(row?.verdict.readiness == .notDeployable)
        #expect(throws: (any Error).self) {
            try reader.record(
                StoreTests.entries([("power.grounding", "1.1")]), for: StoreTests.placement(),
                catalog: SyncTests.catalog, by: site.actor, at: SyncTests.start, makeID: TimeOrderedID.make)
        }
        #expect(try site.dump() == before)
    }
}

/// Times read from bundles are the times the database held.
@Suite struct DatabaseTimeTests {
    @Test(arguments: [0.0, 1_805_000_000.123, 951_782_400.5, 4_102_444_799.999, -86_400.25])
    func aTimeReadBackIsTheTimeTheDatabaseWrote(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let text = try #require(String.fromDatabaseValue(date.databaseValue))
        #expect(DatabaseTime.parse(text) == Date.fromDatabaseValue(text.databaseValue))
    }

    @Test(arguments: ["2027-13-01 00:00:00.000", "2027-01-01T00:00:00.000", "yesterday", "2027-01-01 24:00:00.000"])
    func aTextThatIsNotADatabaseTimeIsRefused(text: String) {
        #expect(DatabaseTime.parse(text) == nil)
    }
}
