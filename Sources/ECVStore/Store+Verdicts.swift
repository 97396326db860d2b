import ECVModel
import ECVSync
import Foundation
import GRDB

extension Store {
    /// How a newer result of an item replaces the one in `latest`: by recording time, then version; an
    /// older one never overwrites a newer one.
    static let latestConflictClause = """
        ON CONFLICT (vehicleID, itemID) DO UPDATE SET status = excluded.status, recordedAt = excluded.recordedAt,
        version = excluded.version, resultID = excluded.resultID
        WHERE (excluded.recordedAt, excluded.version) >= (latest.recordedAt, latest.version)
        """

    /// How an answer recorded here replaces the one in `latest`: also when the latest is another laptop's.
    ///
    /// As `latestConflictClause`, and whatever time another laptop's answer claims: a bundle's clock may run
    /// ahead by the tolerance, and nothing is newer than what is recorded here now. The parameter is this
    /// database's laptop.
    static let latestTakeoverClause = """
        ON CONFLICT (vehicleID, itemID) DO UPDATE SET status = excluded.status, recordedAt = excluded.recordedAt,
        version = excluded.version, resultID = excluded.resultID
        WHERE (excluded.recordedAt, excluded.version) >= (latest.recordedAt, latest.version)
        OR (SELECT laptop FROM result WHERE id = latest.resultID AND version = latest.version) IS NOT ?
        """

    /// SQL for the Unix seconds of a stored time (GRDB stores `YYYY-MM-DD HH:MM:SS.SSS` in UTC).
    static func unixSeconds(_ expression: String) -> String {
        "(julianday(\(expression)) - 2440587.5) * 86400.0"
    }

    /// Computes a vehicle's verdict again from its latest results, inside the caller's transaction.
    ///
    /// Without `items` the verdict is marked for computing at the next reading. `key` is `VerdictKey.of(items)`,
    /// when the caller has it already.
    static func refreshVerdict(of vehicleID: String, items: [ChecklistItem]?, key: String? = nil, _ db: Database)
        throws
    {
        // One pass over the vehicle's latest results gives both the verdict and the time of the last one.
        let latest = try latestResults(of: vehicleID, db)
        guard let last = latest.lastSeconds else { return }
        let summary = items.map { VerdictCode.encode(VerdictRules.verdict(items: $0, results: latest.results)) } ?? ""
        try db.cachedStatement(
            sql: """
                INSERT INTO verdict (vehicleID, itemsKey, summary, lastRecordedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (vehicleID) DO UPDATE SET itemsKey = excluded.itemsKey, summary = excluded.summary,
                lastRecordedAt = excluded.lastRecordedAt
                """
        ).execute(arguments: [vehicleID, items == nil ? "" : key ?? items.map(VerdictKey.of), summary, last])
    }

    /// A vehicle's verdict computed from its latest results.
    static func computeVerdict(of vehicleID: String, items: [ChecklistItem], _ db: Database) throws -> VehicleVerdict {
        VerdictRules.verdict(items: items, results: try latestResults(of: vehicleID, db).results)
    }

    /// The vehicle's latest result of each item, and when the last of them was recorded (Unix seconds).
    private static func latestResults(of vehicleID: String, _ db: Database) throws -> (
        results: [ItemResult], lastSeconds: Double?
    ) {
        var results: [ItemResult] = []
        var last: Double?
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT itemID, status, \(unixSeconds("recordedAt")) FROM latest WHERE vehicleID = ?"),
            arguments: [vehicleID])
        // An unresolved conflict holds its worse answer: the verdict is never better than it.
        var held: [String: ItemResult.Status] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT itemID, status FROM heldAnswer WHERE vehicleID = ?"), arguments: [vehicleID]
        ) {
            held[row[0]] = ItemResult.Status(rawValue: row[1]) ?? .untested
        }
        while let row = try rows.next() {
            let status = ItemResult.Status(rawValue: row[1]) ?? .untested
            let itemID: String = row[0]
            results.append(ItemResult(itemID: itemID, status: held[itemID].map { status.worse($0) } ?? status))
            let seconds: Double = row[2]
            last = max(last ?? seconds, seconds)
        }
        return (results, last)
    }
}

/// What a stored verdict was judged against: the SHA-256 of the vehicle's applicable items.
///
/// The items' severities count too. When the checklists change, the key changes and the verdict is computed again.
enum VerdictKey {
    static func of(_ items: [ChecklistItem]) -> String {
        let text = items.map { "\($0.fullID)=\($0.severity.rawValue)\n" }.joined()
        return Data(text.utf8).sha256Hex
    }
}

/// A verdict as one line of text per part, quick to read back for ten thousand vehicles.
///
/// The parts: readiness, failed items, untested items (`item=severity`, comma-separated), subsystem verdicts
/// (`subsystem=VERDICT`). Ids never hold `=`, `,` or whitespace: the catalog refuses them.
enum VerdictCode {
    static func encode(_ verdict: VehicleVerdict) -> String {
        func findings(_ list: [Finding]) -> String {
            list.map { "\($0.itemID)=\($0.severity.rawValue)" }.joined(separator: ",")
        }
        return [
            verdict.readiness.rawValue, findings(verdict.failed), findings(verdict.untested),
            verdict.subsystems.map { "\($0.subsystem.rawValue)=\($0.verdict.rawValue)" }.joined(separator: ","),
        ].joined(separator: "\n")
    }

    static func decode(_ text: String) -> VehicleVerdict? {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 4, let readiness = Readiness(rawValue: String(parts[0])) else { return nil }
        func pairs(_ part: Substring) -> [(Substring, Substring)]? {
            var out: [(Substring, Substring)] = []
            for pair in part.split(separator: ",") {
                guard let equals = pair.firstIndex(of: "=") else { return nil }
                out.append((pair[..<equals], pair[pair.index(after: equals)...]))
            }
            return out
        }
        func findings(_ part: Substring) -> [Finding]? {
            pairs(part)?.compactMap { id, severity in
                Severity(rawValue: String(severity)).map { Finding(itemID: String(id), severity: $0) }
            }
        }
        guard let failed = findings(parts[1]), let untested = findings(parts[2]),
            let subsystems = pairs(parts[3])?.compactMap({ name, verdict in
                Subsystem(rawValue: String(name)).flatMap { subsystem in
                    SubsystemVerdict(rawValue: String(verdict)).map {
                        VehicleVerdict.SubsystemOutcome(subsystem: subsystem, verdict: $0)
                    }
                }
            })
        else { return nil }
        return VehicleVerdict(readiness: readiness, failed: failed, untested: untested, subsystems: subsystems)
    }
}
