import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// A team's laptop: its own database and key in its own folder, the office's Routes/ and Checklists/.
///
/// It follows the published plan the office's bundles bring and records what its engineer answers.
final class SeasonLaptop {
    let name: String
    let team: String
    let store: Store
    let key: LaptopKey
    let folder: URL

    var actor: Actor { Actor(who: "engineer of \(team)", laptop: name) }

    init(name: String, team: String, folder: URL) throws {
        self.name = name
        self.team = team
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("ecv.sqlite").path)
        key = try LaptopKey.create(name: name, in: folder.appendingPathComponent("keys"))
    }

    /// The visits of this laptop's team on `day` in the plan it follows, as `ecv today` lists them.
    func visits(on day: CalendarDay, catalog: Catalog) throws -> [TeamDay.Entry] {
        guard let record = try store.publishedPlan() else { return [] }
        let plan = try StoredPlan(json: record.json, version: record.version, routes: catalog.routes).plan
        return plan.days(on: day, team: team, catalog: catalog).flatMap(\.entries).filter { $0.kind == .visit }
    }

    /// The first departure of the plan this laptop follows, which tells this season's failures from the last one's
    /// as `ecv inspect`, `ecv record` and the form tell them; `nil` before a plan arrives.
    func seasonStart(catalog: Catalog) throws -> Date? {
        guard let record = try store.publishedPlan() else { return nil }
        return try StoredPlan(json: record.json, version: record.version, routes: catalog.routes).plan.seasonStart
    }

    /// The laptop as a database that sends and takes bundles.
    var party: SeasonParty { SeasonParty(name: name, store: store, key: key, root: folder) }
}
