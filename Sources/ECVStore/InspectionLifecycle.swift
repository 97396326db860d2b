import ECVModel
import ECVSync
import Foundation
import GRDB

/// What an inspection is: a full one, or a re-check after a repair.
public enum InspectionKind: String, Sendable, Equatable {
    /// Every item that applies to the vehicle.
    case full
    /// The items whose latest result failed, after a repair.
    case recheck
}

/// Where a vehicle's inspections stand: the open inspection, if any, what kind it is (or the next one will
/// be), and the items it must still answer to close.
public struct InspectionState: Sendable, Equatable {
    /// The inspection the next answer goes into; `nil` when the next answer opens one.
    public var open: InspectionRecord?
    /// The open inspection's kind, or the kind the next answer opens.
    public var kind: InspectionKind
    /// Full item ids the inspection must have a result for before it closes, in checklist order.
    public var required: [String]
}

/// One inspection lifecycle, whatever enters the answers (`ecv inspect`, `ecv record`, the web form, a photo).
///
/// An inspection opens with its first answer: nothing is stored before one. Its kind follows from the
/// vehicle's state when it opens: a re-check when some item that applies has a latest result that failed
/// this season (pending repair), else a full inspection; once the season has begun (`seasonStart`, the
/// published plan's first departure, is past), a failure from before it is the previous season's, and this
/// season begins with a full inspection. Before it begins every result counts, as in the vehicle report.
///
/// It closes, in the transaction of the answer that completes it, when every item it must answer has a
/// result in it: for a full inspection every item that applies, for a re-check every item that had failed
/// before it (its result in the re-check may fail again).
enum InspectionLifecycle {
    /// The state of `vehicleID`'s inspections, judged against `items`, the items that apply to it.
    static func state(
        ofVehicle vehicleID: String, items: [ChecklistItem], seasonStart: Date?, at now: Date, _ db: Database
    ) throws -> InspectionState {
        let seasonStart = begun(seasonStart, at: now)
        let open = try Store.openInspection(ofVehicle: vehicleID, db)
        let failed = try failedItems(
            ofVehicle: vehicleID, outside: open?.id, items: items, seasonStart: seasonStart, db)
        let kind: InspectionKind
        if let open {
            // Rows written before kinds followed the vehicle's state may say anything else: they count as full.
            kind = InspectionKind(rawValue: open.kind) ?? .full
        } else {
            kind = failed.isEmpty ? .full : .recheck
        }
        let required = kind == .recheck ? items.map(\.fullID).filter(failed.contains) : items.map(\.fullID)
        return InspectionState(open: open, kind: kind, required: required)
    }

    /// The vehicle's open inspection, or a new one of the kind its state calls for, opened now.
    static func inspection(
        for placement: Catalog.VehiclePlacement, items: [ChecklistItem], seasonStart: Date?,
        checklists: ChecklistFingerprints, by actor: Actor, at now: TimeStamp, makeID: () -> UUID, _ db: Database
    ) throws -> InspectionRecord {
        let state = try state(
            ofVehicle: placement.vehicle.id, items: items, seasonStart: seasonStart, at: now.date, db)
        if let open = state.open { return open }
        return try Store.insertInspection(
            of: placement, team: placement.route.teamID, checklists: checklists, kind: state.kind.rawValue,
            by: actor, at: now, id: makeID(), db)
    }

    /// Closes `inspection` (with its audit line) when it has a result for every item it must answer.
    ///
    /// Returns the inspection as it now stands.
    @discardableResult
    static func closeIfComplete(
        _ inspection: InspectionRecord, items: [ChecklistItem], seasonStart: Date?, by actor: Actor,
        at now: TimeStamp, auditID: UUID, _ db: Database
    ) throws -> InspectionRecord {
        guard inspection.finishedAt == nil else { return inspection }
        let state = try state(
            ofVehicle: inspection.vehicleID, items: items, seasonStart: seasonStart, at: now.date, db)
        // Another inspection opened later is the one the state describes: this one is judged by its own kind.
        let required: [String]
        if state.open?.id == inspection.id {
            required = state.required
        } else {
            let failed = try failedItems(
                ofVehicle: inspection.vehicleID, outside: inspection.id, items: items,
                seasonStart: begun(seasonStart, at: now.date), db)
            required =
                inspection.kind == InspectionKind.recheck.rawValue
                ? items.map(\.fullID).filter(failed.contains) : items.map(\.fullID)
        }
        let answered = try Set(
            String.fetchAll(
                db.cachedStatement(sql: "SELECT DISTINCT itemID FROM result WHERE inspectionID = ?"),
                arguments: [inspection.id]))
        guard required.allSatisfy(answered.contains) else { return inspection }
        var finished = inspection
        finished.finishedAt = now.date
        try finished.update(db)
        try AuditRecord(
            id: auditID, at: now.date, who: actor.who, laptop: actor.laptop, entity: "inspection",
            entityID: inspection.id.text, vehicleID: inspection.vehicleID, old: inspection.auditJSON(now),
            new: finished.auditJSON(now)
        ).insert(db)
        return finished
    }

    /// `seasonStart` once the season has begun at `now`; `nil` before.
    private static func begun(_ seasonStart: Date?, at now: Date) -> Date? {
        seasonStart.flatMap { now >= $0 ? $0 : nil }
    }

    /// The items among `items` whose latest result, in inspections other than `excluded`, failed since
    /// `seasonStart`.
    private static func failedItems(
        ofVehicle vehicleID: String, outside excluded: UUID?, items: [ChecklistItem], seasonStart: Date?,
        _ db: Database
    ) throws -> Set<String> {
        var latest: [String: String] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT result.itemID, result.status, result.inspectionID, result.recordedAt FROM result
                    JOIN inspection ON inspection.id = result.inspectionID
                    WHERE inspection.vehicleID = ? ORDER BY result.recordedAt, result.version
                    """),
            arguments: [vehicleID])
        while let row = try rows.next() {
            if let excluded, (row["inspectionID"] as UUID?) == excluded { continue }
            latest[row["itemID"]] = row["status"]
            // A result of the previous season is followed by a full inspection, whatever it says.
            if let seasonStart, let recorded = row["recordedAt"] as Date?, recorded < seasonStart {
                latest[row["itemID"]] = "previous season"
            }
        }
        let applicable = Set(items.map(\.fullID))
        return Set(latest.filter { applicable.contains($0.key) && $0.value == "fail" }.keys)
    }
}

extension Store {
    /// Where `vehicleID`'s inspections stand, judged against `items`, the items that apply to it: the open
    /// inspection to resume, and the kind and items of the inspection the next answer goes into.
    ///
    /// Once `seasonStart` (the published plan's first departure) is past at `now`, a failure recorded before
    /// it is the previous season's.
    public func inspectionState(
        ofVehicle vehicleID: String, items: [ChecklistItem], seasonStart: Date?, at now: Date
    ) throws(StoreError) -> InspectionState {
        try read { db in
            try InspectionLifecycle.state(ofVehicle: vehicleID, items: items, seasonStart: seasonStart, at: now, db)
        }
    }
}
