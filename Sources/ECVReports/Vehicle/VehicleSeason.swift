import ECVModel
import ECVPlanning
import Foundation

/// What happened to a vehicle this season, in the order it happened: each inspection with the failures it
/// found (item, value, note, photos), each recheck with the items repaired and what still fails, and the
/// verdict of the season before when there are results from before it.
///
/// The season begins at `seasonStart` once an inspection has begun since; until then every inspection counts
/// as this season's, so results recorded ahead of a plan still tell their story.
struct VehicleSeason {
    /// One inspection of the season in the template's terms: when, what kind, by whom, what it found and what
    /// it showed repaired.
    struct Entry: Encodable {
        let date: String
        let kind: String
        let engineer: String
        let checked: String
        let failures: [Failure]
        let hasFailures: Bool
        let repaired: String
        let hasRepaired: Bool
    }

    /// An item an inspection found failed, with what was measured or said and its photos.
    struct Failure: Encodable {
        let title: String
        let id: String
        /// Nil when nothing was measured, said or photographed: an empty text would still open the
        /// template's section.
        let detail: String?
    }

    /// One entry per inspection of this season, oldest first.
    let entries: [Entry]
    /// The readiness of the results recorded before the season began; nil without any.
    let previous: Readiness?

    init(history: VehicleHistory, items: [ChecklistItem], seasonStart: Date?, names: CatalogNames) {
        let labels = names.labels
        let seasonStart = seasonStart.flatMap { start in
            history.inspections.contains { $0.startedAt >= start } ? start : nil
        }
        let earlier = history.results.filter { recorded in seasonStart.map { recorded.recordedAt < $0 } ?? false }
        previous = earlier.isEmpty ? nil : VerdictRules.verdict(items: items, results: earlier.map(\.result)).readiness
        let byID = Dictionary(items.map { ($0.fullID, $0) }, uniquingKeysWith: { first, _ in first })
        var failedBefore: Set<String> = Set(
            earlier.reduce(into: [String: ItemResult]()) { $0[$1.result.itemID] = $1.result }
                .filter { $0.value.status == .fail }.keys)
        var entries: [Entry] = []
        for inspection in history.inspections where seasonStart.map({ inspection.startedAt >= $0 }) ?? true {
            var own: [String: ItemResult] = [:]
            var order: [String] = []
            for recorded in history.results where recorded.inspectionID == inspection.id {
                if own[recorded.result.itemID] == nil { order.append(recorded.result.itemID) }
                own[recorded.result.itemID] = recorded.result
            }
            let results = order.compactMap { own[$0] }
            // An inspection opens with its first answer; one without any (stored by an older ecv) checked nothing.
            guard !results.isEmpty else { continue }
            let failures = results.filter { $0.status == .fail }.map { result in
                let photos = history.photos.filter { $0.itemID == result.itemID }.count
                let item = byID[result.itemID]
                let value = item.map { VehicleReport.answer($0, result) } ?? "–"
                let detail = [value == "–" ? nil : value, result.note, photos == 0 ? nil : labels.photos(photos)]
                let shown = detail.compactMap { $0 }.filter { !$0.isEmpty }
                return Failure(
                    title: names.item(result.itemID, in: items), id: result.itemID,
                    detail: shown.isEmpty ? nil : shown.joined(separator: ", "))
            }
            let repaired = results.filter { $0.status == .pass && failedBefore.contains($0.itemID) }.map { result in
                names.item(result.itemID, in: items) + (result.note.map { " — \($0)" } ?? "")
            }
            for result in results {
                if result.status == .fail { failedBefore.insert(result.itemID) }
                if result.status == .pass { failedBefore.remove(result.itemID) }
            }
            let day = ISOTime.calendarDay(inspection.startedAt)
            entries.append(
                Entry(
                    date: day.map(labels.date) ?? "–",
                    kind: labels(inspection.isRecheck ? "season-recheck" : "season-inspection"),
                    engineer: inspection.engineer, checked: labels.checked(results.count, failed: failures.count),
                    failures: failures, hasFailures: !failures.isEmpty, repaired: repaired.joined(separator: "; "),
                    hasRepaired: !repaired.isEmpty))
        }
        self.entries = entries
    }
}
