import Foundation

/// A bundle record that reads its own line in the compact form (`CompactLine`).
///
/// Its fields are read in the order of their keys, as the bundle's encoder sorts them. A line in any other form
/// is read by `JSONDecoder`.
protocol CompactLineReadable: Decodable {
    init(compact line: inout CompactLine) throws(CompactLine.NotCompact)
}

extension ResultRecord: CompactLineReadable {
    init(compact line: inout CompactLine) throws(CompactLine.NotCompact) {
        let choice = try line.optionalText("choice")
        let id = try line.uuid("id")
        let inspectionID = try line.uuid("inspectionID")
        let itemID = try line.text("itemID")
        let laptop = try line.text("laptop")
        let note = try line.optionalText("note")
        let recordedAt = try line.date("recordedAt")
        let recordedBy = try line.text("recordedBy")
        let status = try line.text("status")
        let text = try line.optionalText("text")
        let value = try line.optionalNumber("value")
        let version = try line.integer("version")
        self.init(
            id: id, version: version, inspectionID: inspectionID, itemID: itemID, status: status, value: value,
            choice: choice, text: text, note: note, recordedAt: recordedAt, recordedBy: recordedBy, laptop: laptop)
    }
}

extension AuditRecord: CompactLineReadable {
    init(compact line: inout CompactLine) throws(CompactLine.NotCompact) {
        let at = try line.date("at")
        let entity = try line.text("entity")
        let entityID = try line.text("entityID")
        let id = try line.uuid("id")
        let laptop = try line.text("laptop")
        let new = try line.text("new")
        let old = try line.optionalText("old")
        let vehicleID = try line.optionalText("vehicleID")
        let who = try line.text("who")
        self.init(
            id: id, at: at, who: who, laptop: laptop, entity: entity, entityID: entityID, vehicleID: vehicleID,
            old: old, new: new)
    }
}

extension InspectionRecord: CompactLineReadable {
    init(compact line: inout CompactLine) throws(CompactLine.NotCompact) {
        let checklists = try line.text("checklists")
        let clientID = try line.text("clientID")
        let engineer = try line.text("engineer")
        let equipment = try line.text("equipment")
        let finishedAt = try line.optionalDate("finishedAt")
        let id = try line.uuid("id")
        let kind = try line.text("kind")
        let laptop = try line.text("laptop")
        let routeID = try line.text("routeID")
        let siteID = try line.text("siteID")
        let startedAt = try line.date("startedAt")
        let teamID = try line.text("teamID")
        let vehicleID = try line.text("vehicleID")
        self.init(
            id: id, vehicleID: vehicleID, clientID: clientID, siteID: siteID, routeID: routeID, equipment: equipment,
            teamID: teamID, engineer: engineer, laptop: laptop, startedAt: startedAt, finishedAt: finishedAt,
            kind: kind, checklists: checklists)
    }
}
