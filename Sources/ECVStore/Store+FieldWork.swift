import ECVModel
import Foundation

extension Store {
    /// Records a batch of entries for one vehicle, all or nothing: every entry is judged against the items
    /// that apply to the vehicle first; only when all are good are they written, into the vehicle's open
    /// inspection or a new one.
    public func record(
        _ entries: [ResultEntry], for placement: Catalog.VehiclePlacement, catalog: Catalog, by actor: Actor,
        at now: Date, makeID: () -> UUID
    ) throws -> (inspection: InspectionRecord, results: [ItemResult]) {
        let results = try ResultEntry.results(entries, items: catalog.items(applyingTo: placement.vehicle)).get()
        let inspection =
            try openInspection(ofVehicle: placement.vehicle.id)
            ?? startInspection(
                of: placement, team: placement.route.teamID, checklists: ChecklistFingerprints(catalog.checklists),
                by: actor, at: now,
                id: makeID())
        try record(results, in: inspection, by: actor, at: now, makeID: makeID)
        return (inspection, results)
    }
}
