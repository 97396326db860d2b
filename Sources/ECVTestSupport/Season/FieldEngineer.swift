import ECVModel
import ECVStore
import Foundation

/// An engineer at a vehicle: works out what the vehicle needs from the laptop's own results, answers it — a failure
/// now and then, a repair that holds or not, an inspection left half done — and enters the answers through one of
/// the three ways in, with the store calls each of them makes.
struct FieldEngineer {
    /// How answers reach the store.
    enum Interface: CaseIterable {
        /// `ecv record VEHICLE ITEM=VALUE…`: one batch.
        case record
        /// `ecv inspect VEHICLE`: one answer at a time, as the vehicle's state asks for them.
        case terminal
        /// `ecv serve`: one post per answer.
        case webForm
    }

    /// What was entered at one visit.
    struct Visit {
        var answers: Int
        /// The repair's day when a failure was found: the office books the recheck no earlier.
        var failedAndReadyAfter: Int?
    }

    let catalog: Catalog
    /// The catalog's checklist fingerprints, which every new inspection records.
    let fingerprints: ChecklistFingerprints
    let store: Store
    let actor: Actor
    /// The first departure of the plan the laptop follows (see `InspectionLifecycle`).
    let seasonStart: Date?

    /// Answers what `placement`'s vehicle needs, starting at `start`.
    func work(
        on placement: Catalog.VehiclePlacement, at start: Date, using interface: Interface,
        random: inout SeededGenerator
    ) throws -> Visit {
        let items = catalog.items(applyingTo: placement.vehicle)
        let history = try store.results(ofVehicle: placement.vehicle.id)
        var latest: [String: ItemResult] = [:]
        for result in history { latest[result.itemID] = result }
        let failed = items.filter { latest[$0.fullID]?.status == .fail }
        var entries: [ResultEntry]
        var failedNow = false
        if !failed.isEmpty {
            // A recheck after the repair: most repairs hold.
            entries = failed.map { item in
                let holds = Int.random(in: 0..<100, using: &random) < 85
                failedNow = failedNow || !holds
                return holds ? pass(item) : fail(item)
            }
        } else {
            let open = items.filter { latest[$0.fullID] == nil }
            entries = open.map(pass)
            if latest.isEmpty, Int.random(in: 0..<100, using: &random) < 25,
                let index = open.indices.filter({ Self.canFail(open[$0]) }).randomElement(using: &random)
            {
                entries[index] = fail(open[index])
                failedNow = true
            }
            if latest.isEmpty, entries.count > 1, Int.random(in: 0..<100, using: &random) < 10 {
                // Called away half-way: the rest is for a completion visit.
                entries = Array(entries.prefix(entries.count / 2))
            }
        }
        guard !entries.isEmpty else { return Visit(answers: 0) }
        try enter(entries, for: placement, items: items, at: start, using: interface)
        return Visit(
            answers: entries.count, failedAndReadyAfter: failedNow ? Int.random(in: 1...4, using: &random) : nil)
    }

    /// `ecv inspect VEHICLE` opened and left at the first question with `q`: it reads the vehicle's state and
    /// stores nothing, which the lifecycle check then holds it to.
    func openAndQuit(_ placement: Catalog.VehiclePlacement, at now: Date) throws {
        _ = try store.inspectionState(
            ofVehicle: placement.vehicle.id, items: catalog.items(applyingTo: placement.vehicle),
            seasonStart: seasonStart, at: now)
    }

    /// Enters `entries` with the store calls `interface` makes; every way in follows one inspection lifecycle, so
    /// whether the visit is a re-check and when its inspection closes is the store's to say.
    private func enter(
        _ entries: [ResultEntry], for placement: Catalog.VehiclePlacement, items: [ChecklistItem],
        at start: Date, using interface: Interface
    ) throws {
        switch interface {
        case .record:
            _ = try store.record(
                [(placement, entries)], catalog: catalog, by: actor, at: start, seasonStart: seasonStart,
                makeID: TimeOrderedID.make)
        case .webForm:
            for (index, entry) in entries.enumerated() {
                _ = try store.recordAnswer(
                    entry, for: placement, catalog: catalog, by: actor, at: start + Double(index) * 60,
                    seasonStart: seasonStart, makeID: TimeOrderedID.make)
            }
        case .terminal:
            let results = try ResultEntry.results(entries, items: items).get()
            for (index, result) in results.enumerated() {
                _ = try store.record(
                    [result], for: placement, items: items, checklists: fingerprints, by: actor,
                    at: start + Double(index) * 60, seasonStart: seasonStart, makeID: TimeOrderedID.make)
            }
        }
    }

    private func pass(_ item: ChecklistItem) -> ResultEntry {
        ResultEntry(itemID: item.fullID, value: item.passingAnswer, source: "season")
    }

    private func fail(_ item: ChecklistItem) -> ResultEntry {
        let value: String
        switch item.kind {
        case .check, .text: value = "fail"
        case .measure(_, let limits):
            value = limits.max.map { Limits.format($0 + 1) } ?? Limits.format((limits.min ?? 0) - 1)
        case .choice(let choices, let passing): value = choices.first { !passing.contains($0) } ?? "fail"
        }
        return ResultEntry(itemID: item.fullID, value: value, note: "found faulty in the season", source: "season")
    }

    /// Whether an answer can fail the item: a text item records what is there.
    static func canFail(_ item: ChecklistItem) -> Bool {
        switch item.kind {
        case .check, .measure: return true
        case .choice(let choices, let passing): return choices.contains { !passing.contains($0) }
        case .text: return false
        }
    }
}
