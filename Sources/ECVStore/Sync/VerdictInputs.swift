import ECVModel
import Foundation

/// The items that apply to each vehicle and the key of its verdict, worked out before the write lock is taken.
///
/// A vehicle not prepared (of an inspection here, not in the bundle) is worked out when asked for.
struct VerdictInputs: Sendable {
    let catalog: Catalog
    private var prepared: [String: (items: [ChecklistItem]?, key: String?)] = [:]

    init(vehicles: Set<String>, catalog: Catalog) {
        self.catalog = catalog
        for vehicle in vehicles { prepared[vehicle] = work(vehicle) }
    }

    func inputs(of vehicle: String) -> (items: [ChecklistItem]?, key: String?) {
        prepared[vehicle] ?? work(vehicle)
    }

    private func work(_ vehicle: String) -> (items: [ChecklistItem]?, key: String?) {
        let items = catalog.placement(ofVehicle: vehicle).map { catalog.items(applyingTo: $0.vehicle) }
        return (items, items.map(VerdictKey.of))
    }
}
