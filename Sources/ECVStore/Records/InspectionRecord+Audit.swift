import ECVSync
import Foundation
import GRDB

extension InspectionRecord {
    /// The row as the audit trail's JSON: sorted keys, times in ISO 8601.
    func auditJSON(_ stamp: TimeStamp) -> String {
        var json = JSONObjectWriter()
        json.field("checklists", checklists)
        json.field("clientID", clientID)
        json.field("engineer", engineer)
        json.field("equipment", equipment)
        json.field("finishedAt", finishedAt.map(stamp.format))
        json.field("id", id)
        json.field("kind", kind)
        json.field("laptop", laptop)
        json.field("routeID", routeID)
        json.field("siteID", siteID)
        json.field("startedAt", stamp.format(startedAt))
        json.field("teamID", teamID)
        json.field("vehicleID", vehicleID)
        return json.finished()
    }
}
