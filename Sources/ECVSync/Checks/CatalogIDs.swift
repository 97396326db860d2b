import ECVModel
import Foundation

/// The ids a new inspection copies from the catalog — client, site, route, team, equipment tags and checklist
/// subsystems — checked against the importer's catalog before anything of it is stored: an id from a bundle
/// may later name a file or reach a terminal.
struct CatalogIDs {
    let catalog: Catalog

    /// Throws `BundleError.refused` naming the first id of `inspection` the catalog does not know.
    func check(_ inspection: InspectionRecord, line: Int) throws(BundleError) {
        func refuse(_ what: String, _ id: String) -> BundleError {
            .refused("line \(line): \(what) `\(id)` is not in the catalog")
        }
        guard catalog.client(withID: inspection.clientID) != nil else { throw refuse("client", inspection.clientID) }
        guard catalog.site(withID: inspection.siteID) != nil else { throw refuse("site", inspection.siteID) }
        guard catalog.route(withID: inspection.routeID) != nil else { throw refuse("route", inspection.routeID) }
        guard catalog.team(withID: inspection.teamID) != nil else { throw refuse("team", inspection.teamID) }
        guard let tags = try? JSONDecoder().decode([String].self, from: Data(inspection.equipment.utf8)) else {
            throw .refused("line \(line): the equipment is not a list of tags")
        }
        let vehicleTags = catalog.placement(ofVehicle: inspection.vehicleID).map { Set($0.vehicle.equipment) } ?? []
        for tag in tags where catalog.tag(withID: tag) == nil && !vehicleTags.contains(tag) {
            throw refuse("equipment tag", tag)
        }
        guard
            let checklists = try? JSONDecoder().decode(
                [String: [String: String]].self, from: Data(inspection.checklists.utf8))
        else { throw .refused("line \(line): the checklists are not a map of subsystems") }
        for subsystem in checklists.keys.sorted() where Subsystem(rawValue: subsystem) == nil {
            throw refuse("checklist", subsystem)
        }
    }
}
