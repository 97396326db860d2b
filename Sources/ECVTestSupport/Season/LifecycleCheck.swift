import ECVModel
import ECVStore
import Foundation

/// One inspection lifecycle, whatever entered the answers: no inspection is stored without an answer, an
/// inspection with an answer for every item it is for is closed, and it is a recheck exactly when the vehicle had
/// failed items before it (a full inspection when the vehicle had no results).
public struct LifecycleCheck {
    /// Routes/ and Checklists/: the vehicles and the items that apply to each.
    public var catalog: Catalog

    /// The check over the vehicles of `catalog`.
    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The breaches in `store`, named `name` in their text, among `vehicles` (every vehicle of the catalog when nil).
    public func breaches(in store: Store, name: String, of vehicles: Set<String>? = nil) throws -> [InvariantBreach] {
        var breaches: [InvariantBreach] = []
        func breach(_ text: String) { breaches.append(InvariantBreach(.oneLifecycle, "\(name): \(text)")) }
        for vehicle in catalog.routes.flatMap(\.sites).flatMap(\.vehicles) where vehicles?.contains(vehicle.id) ?? true
        {
            let items = catalog.items(applyingTo: vehicle)
            let records = try store.resultRecords(ofVehicle: vehicle.id)
            for inspection in try store.inspections(ofVehicle: vehicle.id) {
                let own = records.filter { $0.inspectionID == inspection.id }
                let started = ISO8601DateFormatter().string(from: inspection.startedAt)
                guard !own.isEmpty else {
                    breach("\(vehicle.id) has an empty inspection started \(started)")
                    continue
                }
                // The vehicle's state before this inspection: the results of the others recorded before it began.
                let earlier = records.filter {
                    $0.inspectionID != inspection.id && $0.recordedAt < inspection.startedAt
                }
                let before = VerdictRules.verdict(items: items, results: earlier.map(\.itemResult))
                let failedBefore = Set(before.failed.map(\.itemID))
                let expected: String? =
                    switch before.readiness {
                    case .notInspected: "full"
                    case .notDeployable, .restricted: "recheck"
                    default: nil
                    }
                if let expected, inspection.kind != expected {
                    breach(
                        "\(vehicle.id)'s inspection of \(started) is `\(inspection.kind)`, its state makes it a \(expected)"
                    )
                }
                let answered = Set(own.map(\.itemID))
                let wanted =
                    inspection.kind == "recheck" && !failedBefore.isEmpty
                    ? failedBefore : Set(items.map(\.fullID))
                if wanted.isSubset(of: answered), inspection.finishedAt == nil {
                    breach("\(vehicle.id)'s \(inspection.kind) inspection of \(started) has every answer but is open")
                }
            }
        }
        return breaches
    }
}
