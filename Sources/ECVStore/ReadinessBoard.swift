import ECVModel
import Foundation
import GRDB

extension Store {
    /// The readiness of every vehicle of `catalog` (narrowed by route and client), the worst first:
    /// NOT_DEPLOYABLE, RESTRICTED, INCOMPLETE, NOT_INSPECTED, DEPLOYABLE; by vehicle id within each.
    ///
    /// Reads one stored verdict per inspected vehicle; a verdict judged against other items than the
    /// catalog's (checklists changed since) or marked for computing is computed from the latest results.
    public func board(_ catalog: Catalog, route: String? = nil, client: String? = nil) throws(StoreError) -> [BoardRow]
    {
        // Vehicles with the same equipment get the same items: judge each set of items once.
        var itemsByEquipment: [[String]: (items: [ChecklistItem], key: String, none: VehicleVerdict)] = [:]
        func applicable(_ vehicle: Vehicle) -> (items: [ChecklistItem], key: String, none: VehicleVerdict) {
            if let known = itemsByEquipment[vehicle.equipment] { return known }
            let items = catalog.items(applyingTo: vehicle)
            let entry = (items, VerdictKey.of(items), VerdictRules.verdict(items: items, results: []))
            itemsByEquipment[vehicle.equipment] = entry
            return entry
        }
        let rows = try read { db in
            var stored: [String: (key: String, summary: String, last: Double)] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT vehicleID, itemsKey, summary, lastRecordedAt FROM verdict")
            while let row = try cursor.next() {
                stored[row[0]] = (row[1], row[2], row[3])
            }
            // Many vehicles share a verdict word for word (all passed, same items): decode each text once.
            var decoded: [String: VehicleVerdict] = [:]
            var rows: [BoardRow] = []
            for line in catalog.routes where route == nil || line.id == route {
                for site in line.sites where client == nil || site.clientID == client {
                    for vehicle in site.vehicles {
                        let judged = applicable(vehicle)
                        var verdict = judged.none
                        var inspected: Date?
                        if let cached = stored[vehicle.id] {
                            // Julian days carry float noise: times are stored to the millisecond.
                            inspected = Date(timeIntervalSince1970: (cached.last * 1000).rounded() / 1000)
                            if cached.key == judged.key,
                                let known = decoded[cached.summary] ?? VerdictCode.decode(cached.summary)
                            {
                                decoded[cached.summary] = known
                                verdict = known
                            } else {
                                verdict = try Store.computeVerdict(of: vehicle.id, items: judged.items, db)
                            }
                        }
                        rows.append(
                            BoardRow(
                                vehicle: vehicle.id, client: site.clientID, route: line.id, site: site.id,
                                verdict: verdict, inspected: inspected))
                    }
                }
            }
            return rows
        }
        return rows.map { ($0.verdict.readiness.boardRank, $0) }
            .sorted { ($0.0, $0.1.vehicle) < ($1.0, $1.1.vehicle) }
            .map(\.1)
    }
}
