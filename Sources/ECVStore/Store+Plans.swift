import ECVModel
import Foundation
import GRDB

extension Store {
    /// Stores a plan as the next version, with the SHA-256 of the catalog it was made from.
    public func savePlan(
        json: String, seed: UInt64, catalog: Catalog, fromDay: CalendarDay? = nil, by actor: Actor, at now: Date,
        id: UUID, auditID: UUID
    ) throws(StoreError) -> PlanRecord {
        try write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM plan") ?? 0) + 1
            let record = PlanRecord(
                id: id, version: version, createdAt: now, seed: Int64(bitPattern: seed), json: json,
                inputsSHA256: try Store.inputsHash(catalog), fromDay: fromDay?.description)
            try record.insert(db)
            try AuditRecord(
                id: auditID, at: now, who: actor.who, laptop: actor.laptop, entity: "plan", entityID: id.uuidString,
                vehicleID: nil, old: nil, new: "{\"version\":\(version)}"
            ).insert(db)
            return record
        }
    }

    /// The latest stored plan, if any.
    public func latestPlan() throws(StoreError) -> PlanRecord? {
        try read { db in try PlanRecord.order(Column("version").desc).fetchOne(db) }
    }

    /// The stored plan of `version`, if any.
    public func plan(version: Int) throws(StoreError) -> PlanRecord? {
        try read { db in try PlanRecord.filter(Column("version") == version).fetchOne(db) }
    }

    /// SHA-256 of the catalog's content: what a plan was made from.
    static func inputsHash(_ catalog: Catalog) throws -> String {
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
