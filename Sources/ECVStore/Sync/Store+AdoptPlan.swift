import ECVSync
import Foundation
import GRDB

extension Store {
    /// The published plan with the time of its latest publication, for a bundle; `nil` when none is published.
    func bundledPlan(_ db: Database) throws -> BundledPlan? {
        guard let record = try PlanRecord.filter(Column("state") == PlanState.published).fetchOne(db),
            let at = try Date.fetchOne(
                db, sql: "SELECT at FROM planPublication WHERE version = ? ORDER BY seq DESC LIMIT 1",
                arguments: [record.version])
        else { return nil }
        return BundledPlan(
            id: record.id, version: record.version, createdAt: record.createdAt, publishedAt: at, seed: record.seed,
            json: record.json, inputsSHA256: record.inputsSHA256, inputFiles: record.inputFiles,
            fromDay: record.fromDay)
    }

    /// Makes `plan` the published plan here when it is newer than the one published here; returns the local
    /// version it got, `nil` when it was not taken (known already, or older).
    ///
    /// The office's plan wins: a laptop takes the latest publication it receives and never publishes over it.
    /// The plan keeps the office's version number when that is free here.
    func adopt(_ plan: BundledPlan, from laptop: String, by actor: Actor, at now: Date, auditID: UUID, _ db: Database)
        throws -> Int?
    {
        guard try PlanRecord.filter(Column("id") == plan.id).fetchCount(db) == 0 else { return nil }
        if let current = try bundledPlan(db), current.publishedAt >= plan.publishedAt { return nil }
        let taken = try Int.fetchOne(db, sql: "SELECT 1 FROM plan WHERE version = ?", arguments: [plan.version]) != nil
        let version = taken ? (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM plan") ?? 0) + 1 : plan.version
        let previous = try Store.supersedePublished(db)
        try PlanRecord(
            id: plan.id, version: version, createdAt: plan.createdAt, seed: plan.seed, json: plan.json,
            inputsSHA256: plan.inputsSHA256, fromDay: plan.fromDay, state: .published, inputFiles: plan.inputFiles
        ).insert(db)
        try Store.recordPublication(
            of: plan.id, version: version, previous: previous, publishedAt: plan.publishedAt, publisher: laptop,
            by: actor, at: now, auditID: auditID, db)
        return version
    }
}
