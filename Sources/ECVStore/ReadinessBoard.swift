import ECVModel
import Foundation
import GRDB

/// One vehicle on the readiness board: its verdict with the failed items and when it was last inspected.
public struct BoardRow: Sendable, Equatable {
    public var vehicle: String
    public var client: String
    public var route: String
    public var site: String
    public var verdict: VehicleVerdict
    /// When the latest result was recorded; nil when never inspected.
    public var inspected: Date?
}

extension Store {
    /// The readiness of every vehicle of `catalog` (narrowed by route and client), the worst first:
    /// NOT_DEPLOYABLE, RESTRICTED, INCOMPLETE, NOT_INSPECTED, DEPLOYABLE; by vehicle id within each.
    public func board(_ catalog: Catalog, route: String? = nil, client: String? = nil) throws(StoreError) -> [BoardRow]
    {
        let placements = catalog.placements.filter {
            (route == nil || $0.route.id == route) && (client == nil || $0.site.clientID == client)
        }
        let wanted = Set(placements.map(\.vehicle.id))
        var resultsByVehicle: [String: [ItemResult]] = [:]
        var lastByVehicle: [String: Date] = [:]
        try read { db in
            // One pass over all results, in recording order, instead of one query per vehicle.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT inspection.vehicleID, result.itemID, result.status, result.recordedAt
                    FROM result JOIN inspection ON inspection.id = result.inspectionID
                    ORDER BY result.recordedAt, result.version
                    """)
            while let row = try rows.next() {
                let vehicle: String = row[0]
                guard wanted.contains(vehicle) else { continue }
                let status = ItemResult.Status(rawValue: row[2]) ?? .untested
                resultsByVehicle[vehicle, default: []].append(ItemResult(itemID: row[1], status: status))
                lastByVehicle[vehicle] = row[3]
            }
        }
        let rows = placements.map { placement in
            BoardRow(
                vehicle: placement.vehicle.id, client: placement.site.clientID, route: placement.route.id,
                site: placement.site.id,
                verdict: VerdictRules.verdict(
                    items: catalog.items(applyingTo: placement.vehicle),
                    results: resultsByVehicle[placement.vehicle.id] ?? []),
                inspected: lastByVehicle[placement.vehicle.id])
        }
        let order: [Readiness] = [.notDeployable, .restricted, .incomplete, .notInspected, .deployable]
        return rows.sorted {
            let a = order.firstIndex(of: $0.verdict.readiness) ?? 0
            let b = order.firstIndex(of: $1.verdict.readiness) ?? 0
            return (a, $0.vehicle) < (b, $1.vehicle)
        }
    }
}
