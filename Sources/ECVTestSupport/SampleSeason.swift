import ECVCatalog
import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// A week of the sample tour on the Northeast line, in a real store, each vehicle inspected at its planned
/// visit: HLJ-FIRE-01 NOT DEPLOYABLE (generator start), HLJ-FIRE-02 failed its generator start and passed the
/// recheck after the repair, JL-FIRE-01 RESTRICTED (load run), HLJ-FIRE-03 INCOMPLETE (one answer only).
///
/// The plan visits HLJ-FIRE-01 twice: its recheck is booked at the line's last stop and not done yet.
public struct SampleSeason {
    /// Holds the store's file: the folder is deleted with its last reference.
    public let folder: TemporaryFolder
    /// The sample's Routes/ and Checklists/.
    public let catalog: Catalog
    /// The season's database, in `folder`.
    public let store: Store
    /// The plan, stored as version 1.
    public let plan: TourPlan
    /// Where HLJ-FIRE-01's recheck visit was added.
    public let recheckStop: Int

    /// The engineer the season's answers are recorded by.
    public static let engineer = Actor(who: "Zhang Wei", laptop: "ne-1")

    /// The season in the store of `folder`, read from the catalog under `root`.
    public init(in folder: TemporaryFolder, root: URL = ProjectPaths.sampleCatalog, previousSeason: Bool = false)
        throws
    {
        self.folder = folder
        catalog = CatalogLoader.load(root: root).catalog
        store = try Store(path: folder.databasePath)
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 200
        var plan = try Planner(catalog: catalog, options: options).plan()
        guard let line = plan.routes.firstIndex(where: { $0.route == "northeast" }),
            let stop = plan.routes[line].stops.firstIndex(where: { $0.visits.contains { $0.vehicle == "HLJ-FIRE-01" } }
            ),
            var again = plan.routes[line].stops[stop].visits.first(where: { $0.vehicle == "HLJ-FIRE-01" })
        else { throw SeasonError.notInPlan("HLJ-FIRE-01") }
        recheckStop = plan.routes[line].stops.count - 1
        let last = plan.routes[line].stops[recheckStop]
        again.start = last.visits.last?.end ?? last.arrive
        again.end = last.depart
        again.purpose = .recheck
        plan.routes[line].stops[recheckStop].visits.append(again)
        self.plan = plan
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = try store.savePlan(
            json: String(decoding: try encoder.encode(PlanDocument(plan, generated: Date())), as: UTF8.self),
            seed: plan.seed, catalog: catalog, by: Self.engineer, at: Self.date("2027-03-01T08:00"),
            id: TimeOrderedID.make(), auditID: TimeOrderedID.make())
        _ = try store.publishPlan(
            version: stored.version, by: Self.engineer, at: Self.date("2027-03-01T08:00"), auditID: TimeOrderedID.make()
        )

        if previousSeason {
            // A year before: HLJ-FIRE-02 was restricted.
            try record("HLJ-FIRE-02", failing: "power.load-run", note: "overheats", at: Self.date("2026-05-10T10:00"))
        }
        try record(
            "HLJ-FIRE-01", failing: "power.generator-start", note: "starter relay dead", at: visit("HLJ-FIRE-01"))
        let repaired = visit("HLJ-FIRE-02")
        try record("HLJ-FIRE-02", failing: "power.generator-start", note: "no crank", at: repaired)
        try recheck("HLJ-FIRE-02", "power.generator-start", note: "starter relay replaced", at: repaired + 2 * 86_400)
        try record("JL-FIRE-01", failing: "power.load-run", note: "trips at 80 % load", at: visit("JL-FIRE-01"))
        let placement = try Self.placement("HLJ-FIRE-03", catalog)
        _ = try store.record(
            [ResultEntry(itemID: "power.ups-autonomy", value: "45", source: "test")], for: placement,
            catalog: catalog, by: Self.engineer, at: visit("HLJ-FIRE-03"), makeID: TimeOrderedID.make)
    }

    /// The start of the vehicle's first visit in the plan.
    public func visit(_ vehicle: String) -> Date {
        let route = plan.routes.first { $0.stops.contains { $0.visits.contains { $0.vehicle == vehicle } } }
        let start = route?.stops.flatMap(\.visits).first { $0.vehicle == vehicle }?.start
        return start.flatMap { ISOTime.date($0, timeZone: route?.timeZone ?? Route.defaultTimeZone) }
            ?? Self.date("2027-04-20T10:00")
    }

    /// A full inspection in which every item passes but `failing`.
    public func record(_ vehicle: String, failing: String, note: String, at date: Date) throws {
        let placement = try Self.placement(vehicle, catalog)
        let entries = catalog.items(applyingTo: placement.vehicle).map { item in
            item.fullID == failing
                ? ResultEntry(itemID: item.fullID, value: "fail", note: note, source: "test")
                : ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "test")
        }
        _ = try store.record(
            entries, for: placement, catalog: catalog, by: Self.engineer, at: date, seasonStart: plan.seasonStart,
            makeID: TimeOrderedID.make)
    }

    /// A recheck after a repair in which `item` passes: the vehicle's failure makes it one.
    public func recheck(_ vehicle: String, _ item: String, note: String, at date: Date) throws {
        let placement = try Self.placement(vehicle, catalog)
        _ = try store.record(
            [ItemResult(itemID: item, status: .pass, note: note)], for: placement,
            items: catalog.items(applyingTo: placement.vehicle), checklists: ChecklistFingerprints(catalog.checklists),
            by: Actor(who: "Li Na", laptop: "ne-1"), at: date, seasonStart: plan.seasonStart, makeID: TimeOrderedID.make
        )
    }

    /// The vehicle's placement in `catalog`; an error when it has none.
    public static func placement(_ vehicle: String, _ catalog: Catalog) throws -> Catalog.VehiclePlacement {
        guard let placement = catalog.placement(ofVehicle: vehicle) else { throw SeasonError.notInPlan(vehicle) }
        return placement
    }

    /// `2027-04-20T10:00` in China time.
    public static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + ":00+08:00") ?? Date(timeIntervalSince1970: 0)
    }

    /// Why the sample season cannot be set up.
    public enum SeasonError: Error {
        case notInPlan(String)
    }
}
