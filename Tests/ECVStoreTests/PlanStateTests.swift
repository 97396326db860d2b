import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import GRDB
import Testing

@testable import ECVStore

/// Plan versions: drafts, one published plan, the publications in order, each in the trail.
@Suite struct PlanStateTests {
    static let catalog = StoreTests.catalog
    static let actor = StoreTests.actor
    static let now = StoreTests.now

    static func draft(_ store: Store, fromDay: CalendarDay? = nil) throws -> PlanRecord {
        try store.savePlan(
            json: "{}", seed: 1, catalog: catalog, fromDay: fromDay, by: actor, at: now, id: UUID(), auditID: UUID())
    }

    @Test func aNewPlanIsADraftAndNothingIsPublished() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        let record = try Self.draft(store)
        #expect(record.state == .draft)
        #expect(record.kind == .plan)
        #expect(try store.publishedPlan() == nil)
        #expect(try store.latestDraft()?.version == 1)
    }

    @Test func publishingSupersedesThePublishedPlanAndWritesTheTrail() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        _ = try Self.draft(store)
        _ = try Self.draft(store, fromDay: CalendarDay(iso: "2027-03-08"))
        #expect(try store.publishPlan(version: 1, by: Self.actor, at: Self.now, auditID: UUID()) == .init(version: 1))
        let second = try store.publishPlan(version: 2, by: Self.actor, at: Self.now, auditID: UUID())
        #expect(second == PlanPublication(version: 2, previous: 1))
        #expect(try store.plans().map(\.state) == [.superseded, .published])
        #expect(try store.plans().map(\.kind) == [.plan, .replan])
        #expect(try store.publishedPlan()?.version == 2)
        #expect(try store.latestDraft() == nil)
        _ = try store.publishPlan(version: 1, by: Self.actor, at: Self.now, auditID: UUID())
        #expect(try store.publishedVersions() == [1, 2, 1])
        let trail = try store.read { db in
            try String.fetchAll(db, sql: "SELECT new FROM audit WHERE entity = 'plan' AND new LIKE '%published%'")
        }
        #expect(trail == ["{\"published\":1}", "{\"published\":2}", "{\"published\":1}"])
    }

    @Test func publishingThePublishedPlanAgainChangesNothing() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        _ = try Self.draft(store)
        _ = try store.publishPlan(version: 1, by: Self.actor, at: Self.now, auditID: UUID())
        #expect(try store.publishPlan(version: 1, by: Self.actor, at: Self.now, auditID: UUID()) == nil)
        #expect(try store.publishedVersions() == [1])
    }

    @Test func publishingAVersionThatIsNotStoredIsRefused() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        #expect(throws: StoreError.noPlanVersion(7)) {
            try store.publishPlan(version: 7, by: Self.actor, at: Self.now, auditID: UUID())
        }
    }

    @Test func theDatabaseItselfRefusesTwoPublishedPlans() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        _ = try Self.draft(store)
        _ = try Self.draft(store)
        _ = try store.publishPlan(version: 1, by: Self.actor, at: Self.now, auditID: UUID())
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE plan SET state = 'published' WHERE version = 2") }
        }
    }

    @Test func aDatabaseFromBeforePlanStatesPublishesItsLatestPlan() throws {
        let folder = try TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.databasePath)
        try Migrations.migrator.migrate(queue, upTo: "v4")
        try queue.write { db in
            for version in 1...2 {
                try db.execute(
                    sql: """
                        INSERT INTO plan (id, version, createdAt, seed, json, inputsSHA256)
                        VALUES (?, ?, ?, 1, '{}', 'x')
                        """, arguments: [UUID().uuidString, version, Self.now])
            }
        }
        try queue.close()
        let store = try Store(path: folder.databasePath)
        #expect(try store.plans().map(\.state) == [.draft, .published])
        #expect(try store.publishedVersions() == [2])
    }
}
