import ECVModel
import ECVSync
import Foundation
import GRDB

extension Store {
    /// Stores a plan as the next version, a draft, with the SHA-256 of the catalog it was made from.
    public func savePlan(
        json: String, seed: UInt64, catalog: Catalog, inputs: PlanInputs? = nil, fromDay: CalendarDay? = nil,
        by actor: Actor, at now: Date, id: UUID, auditID: UUID
    ) throws(StoreError) -> PlanRecord {
        try write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM plan") ?? 0) + 1
            let record = PlanRecord(
                id: id, version: version, createdAt: now, seed: Int64(bitPattern: seed), json: json,
                inputsSHA256: try Store.inputsHash(catalog), fromDay: fromDay?.description, state: .draft,
                inputFiles: try inputs.map { try Store.json($0) })
            try record.insert(db)
            try AuditRecord(
                id: auditID, at: now, who: actor.who, laptop: actor.laptop, entity: "plan", entityID: id.uuidString,
                vehicleID: nil, old: nil, new: "{\"version\":\(version)}"
            ).insert(db)
            return record
        }
    }

    /// Makes `version` the published plan, the one teams follow; the version published before is superseded.
    ///
    /// Publishing appends an audit line and a publication, so that calendars can count how often each visit
    /// changed. Publishing the version already published changes nothing and returns `nil`.
    public func publishPlan(version: Int, by actor: Actor, at now: Date, auditID: UUID) throws(StoreError)
        -> PlanPublication?
    {
        try write { db in
            guard let record = try PlanRecord.filter(Column("version") == version).fetchOne(db) else {
                throw StoreError.noPlanVersion(version)
            }
            guard record.state != .published else { return nil }
            let previous = try Store.supersedePublished(db)
            try db.execute(sql: "UPDATE plan SET state = 'published' WHERE version = ?", arguments: [version])
            try Store.recordPublication(
                of: record.id, version: version, previous: previous, publishedAt: now, publisher: actor.laptop,
                by: actor, at: now, auditID: auditID, db)
            return PlanPublication(version: version, previous: previous)
        }
    }

    /// Marks the published version superseded; returns its number, `nil` when none was published.
    static func supersedePublished(_ db: Database) throws -> Int? {
        let previous = try Int.fetchOne(db, sql: "SELECT version FROM plan WHERE state = 'published'")
        try db.execute(sql: "UPDATE plan SET state = 'superseded' WHERE state = 'published'")
        return previous
    }

    /// The publication of `version`: its row, which calendars count their changes over (published at
    /// `publishedAt` on `publisher`), and its audit line, naming the publisher when it is another laptop.
    static func recordPublication(
        of planID: UUID, version: Int, previous: Int?, publishedAt: Date, publisher: String, by actor: Actor,
        at now: Date, auditID: UUID, _ db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO planPublication (version, at, who, laptop) VALUES (?, ?, ?, ?)",
            arguments: [version, publishedAt, actor.who, publisher])
        let from = publisher == actor.laptop ? "" : ",\"from\":\(try Store.json(publisher))"
        try AuditRecord(
            id: auditID, at: now, who: actor.who, laptop: actor.laptop, entity: "plan", entityID: planID.uuidString,
            vehicleID: nil, old: previous.map { "{\"published\":\($0)}" }, new: "{\"published\":\(version)\(from)}"
        ).insert(db)
    }

    /// The plan teams follow, if one is published.
    public func publishedPlan() throws(StoreError) -> PlanRecord? {
        try read { db in try PlanRecord.filter(Column("state") == PlanState.published).fetchOne(db) }
    }

    /// The newest stored plan, whatever its state.
    public func latestPlan() throws(StoreError) -> PlanRecord? {
        try read { db in try PlanRecord.order(Column("version").desc).fetchOne(db) }
    }

    /// The newest draft, if any.
    public func latestDraft() throws(StoreError) -> PlanRecord? {
        try read { db in
            try PlanRecord.filter(Column("state") == PlanState.draft).order(Column("version").desc).fetchOne(db)
        }
    }

    /// The stored plan of `version`, if any.
    public func plan(version: Int) throws(StoreError) -> PlanRecord? {
        try read { db in try PlanRecord.filter(Column("version") == version).fetchOne(db) }
    }

    /// Every stored plan, oldest first.
    public func plans() throws(StoreError) -> [PlanRecord] {
        try read { db in try PlanRecord.order(Column("version")).fetchAll(db) }
    }

    /// The versions published so far, in the order they were published (a version published twice appears twice).
    public func publishedVersions() throws(StoreError) -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT version FROM planPublication ORDER BY seq") }
    }

    /// SHA-256 of the catalog's content: what a plan was made from.
    public static func inputsHash(_ catalog: Catalog) throws -> String {
        let content = try json(
            CatalogContent(
                checklists: catalog.checklists, teams: catalog.teams, clients: catalog.clients, routes: catalog.routes))
        return Data(content.utf8).sha256Hex
    }

    private struct CatalogContent: Encodable {
        var checklists: [Checklist]
        var teams: [Team]
        var clients: [Client]
        var routes: [Route]
    }
}

/// A publication that changed which plan teams follow.
public struct PlanPublication: Sendable, Equatable {
    /// The version now published.
    public var version: Int
    /// The version published before, now superseded.
    public var previous: Int?
}
