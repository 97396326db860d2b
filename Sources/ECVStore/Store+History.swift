import ECVModel
import ECVSync
import Foundation
import GRDB

extension Store {
    /// Everything stored of a vehicle's inspections, as a plain value: inspections and results oldest first,
    /// and the photos whose files are present and unchanged.
    public func history(ofVehicle vehicleID: String) throws(StoreError) -> VehicleHistory {
        let (inspections, results, photoRecords) = try read { db in
            let inspections = try InspectionRecord.filter(Column("vehicleID") == vehicleID)
                .order(Column("startedAt")).fetchAll(db)
            let results = try ResultRecord.fetchAll(
                db,
                sql: """
                    SELECT result.* FROM result JOIN inspection ON inspection.id = result.inspectionID
                    WHERE inspection.vehicleID = ? ORDER BY result.recordedAt, result.version
                    """, arguments: [vehicleID])
            let photos = try PhotoRecord.filter(Column("vehicleID") == vehicleID).order(Column("takenAt")).fetchAll(db)
            return (inspections, results, photos)
        }
        var photos: [VehicleHistory.Photo] = []
        for record in photoRecords {
            guard let (photo, data) = try photo(record.id) else { continue }
            photos.append(
                VehicleHistory.Photo(
                    id: photo.id, itemID: photo.itemID, contentType: photo.contentType, takenAt: photo.takenAt,
                    data: data))
        }
        return VehicleHistory(
            vehicleID: vehicleID,
            inspections: inspections.map {
                VehicleHistory.Inspection(
                    id: $0.id, engineer: $0.engineer, startedAt: $0.startedAt, isRecheck: $0.kind == "recheck")
            },
            results: results.map {
                VehicleHistory.RecordedResult(
                    result: $0.itemResult, inspectionID: $0.inspectionID, recordedAt: $0.recordedAt)
            },
            photos: photos)
    }
}
