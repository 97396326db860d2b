import ECVSync
import Foundation
import GRDB

/// What of a bundle the database holds already, read at the start of the import's transaction in queries of
/// 500 ids each instead of one query per row: bundles run to a hundred thousand rows, and the write lock is held
/// meanwhile.
///
/// The import keeps it up to date with the rows it adds, so that it answers as the database would.
struct KnownRows {
    /// The bundle's inspections that are here.
    var inspections: [UUID: InspectionRecord] = [:]
    /// The versions here of each of the bundle's results, in order of version.
    private var versions: [UUID: [ResultRecord]] = [:]
    /// The ids of the bundle's audit lines that are here.
    private(set) var auditLines: Set<UUID> = []
    /// The items that have a latest result here, of each vehicle of the bundle's inspections.
    private var latestItems: [String: Set<String>] = [:]

    /// The rows `sql` gives for `ids`, 500 ids at a time: `sql` ends with `IN`.
    static func rows(_ db: Database, sql: String, ids: [some DatabaseValueConvertible]) throws -> [Row] {
        var rows: [Row] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            rows += try Row.fetchAll(db, sql: "\(sql) (\(marks))", arguments: StatementArguments(chunk))
        }
        return rows
    }

    init(of bundle: SyncBundle, _ db: Database) throws {
        let ids = bundle.inspections.map(\.id)
        for row in try KnownRows.rows(db, sql: "SELECT * FROM inspection WHERE id IN", ids: ids) {
            let inspection = try InspectionRecord(row: row)
            inspections[inspection.id] = inspection
        }
        let resultIDs = Array(Set(bundle.results.map(\.id)))
        versions.reserveCapacity(resultIDs.count)
        for row in try KnownRows.rows(db, sql: "SELECT * FROM result WHERE id IN", ids: resultIDs) {
            add(try ResultRecord(row: row))
        }
        let lineIDs = bundle.audit.map(\.id)
        let lines = try KnownRows.rows(db, sql: "SELECT id FROM audit WHERE id IN", ids: lineIDs)
        auditLines = Set(lines.map { $0[0] as UUID })
        let vehicles = Array(Set(bundle.inspections.map(\.vehicleID)))
        for vehicle in vehicles { latestItems[vehicle] = [] }
        for row in try KnownRows.rows(db, sql: "SELECT vehicleID, itemID FROM latest WHERE vehicleID IN", ids: vehicles)
        {
            latestItems[row[0], default: []].insert(row[1])
        }
    }

    /// The versions of result `id` here, in order of version.
    func versions(of id: UUID) -> [ResultRecord] {
        versions[id] ?? []
    }

    /// Notes a version added, as the database will give it back.
    mutating func add(_ result: ResultRecord) {
        versions[result.id, default: []].append(result)
        // Results arrive in the order they were recorded, so versions mostly come in order already.
        if let list = versions[result.id], list.count > 1 {
            versions[result.id] = list.sorted { $0.version < $1.version }
        }
    }

    /// Whether the vehicle's latest result of the item may be another laptop's.
    ///
    /// A latest result that was not here before the import is one of the bundle's, all of one laptop; so only an
    /// item that had a latest result before may have another laptop's. Vehicles of inspections that are not in
    /// the bundle were not read: for them the answer is yes, and the caller asks the database.
    func mayHaveRival(vehicle: String, item: String) -> Bool {
        latestItems[vehicle]?.contains(item) ?? true
    }
}
