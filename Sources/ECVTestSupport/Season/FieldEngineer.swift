import ECVModel
import ECVStore
import Foundation

/// An engineer at a vehicle: works out what the vehicle needs from the laptop's own results, answers it — a failure
/// now and then, a repair that holds or not, an inspection left half done — and enters the answers through one of
/// the three ways in, with the store calls each of them makes.
struct FieldEngineer {
    /// How answers reach the store.
    enum Interface: CaseIterable {
        /// `ecv record VEHICLE ITEM=VALUE…`: one batch, closed when complete.
        case record
        /// `ecv inspect VEHICLE [--recheck]`: an inspection opened, one answer at a time, finished when the queue
        /// is done.
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
        var recheck = false
        var failedNow = false
        if !failed.isEmpty {
            // A recheck after the repair: most repairs hold.
            recheck = true
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
        try enter(entries, for: placement, items: items, recheck: recheck, at: start, using: interface, random: &random)
        return Visit(
            answers: entries.count, failedAndReadyAfter: failedNow ? Int.random(in: 1...4, using: &random) : nil)
    }

    /// `ecv inspect VEHICLE` opened and left at the first question with `q`.
    func openAndQuit(_ placement: Catalog.VehiclePlacement, at now: Date) throws {
        let items = catalog.items(applyingTo: placement.vehicle)
        let queue = InspectionQueue(items: items, history: try store.results(ofVehicle: placement.vehicle.id))
        guard !queue.items.isEmpty else { return }
        if try store.openInspection(ofVehicle: placement.vehicle.id).map({ $0.kind == "full" }) != true {
            _ = try store.startInspection(
                of: placement, team: placement.route.teamID, checklists: fingerprints,
                kind: "full", by: actor, at: now, id: TimeOrderedID.make())
        }
    }

    private func enter(
        _ entries: [ResultEntry], for placement: Catalog.VehiclePlacement, items: [ChecklistItem], recheck: Bool,
        at start: Date, using interface: Interface, random: inout SeededGenerator
    ) throws {
        switch interface {
        case .record:
            _ = try store.record(
                [(placement, entries)], catalog: catalog, by: actor, at: start, closingCompleted: true,
                makeID: TimeOrderedID.make)
        case .webForm:
            for (index, entry) in entries.enumerated() {
                _ = try store.record(
                    [entry], for: placement, catalog: catalog, by: actor, at: start + Double(index) * 60,
                    makeID: TimeOrderedID.make)
            }
        case .terminal:
            let kind = recheck ? "recheck" : "full"
            let queue = InspectionQueue(
                items: items, history: try store.results(ofVehicle: placement.vehicle.id), recheck: recheck)
            let inspection =
                try store.openInspection(ofVehicle: placement.vehicle.id).flatMap { $0.kind == kind ? $0 : nil }
                ?? store.startInspection(
                    of: placement, team: placement.route.teamID, checklists: fingerprints,
                    kind: kind, by: actor, at: start, id: TimeOrderedID.make())
            let results = try ResultEntry.results(entries, items: items).get()
            for (index, result) in results.enumerated() {
                try store.record(
                    [result], in: inspection, items: items, by: actor, at: start + Double(index) * 60,
                    makeID: TimeOrderedID.make)
            }
            let answered = Set(try store.results(in: inspection).map(\.itemID))
            if queue.items.allSatisfy({ answered.contains($0.fullID) }) {
                try store.finish(
                    inspection, by: actor, at: start + Double(results.count) * 60, auditID: TimeOrderedID.make())
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
