import ECVHubClient
import ECVSync
import Foundation
import PostgresNIO

extension HubDatabase {
    /// Writes a checked bundle's rows (`rows`, written out beforehand) and its receipt; rows the hub has already
    /// are skipped.
    ///
    /// One statement, which is its own transaction: `ecv_take_push` takes the lock pushes take in turn, gives the
    /// stored receipt when the same bytes were taken while it waited, and otherwise numbers the receipt and writes.
    func store(_ bundle: SyncBundle, rows: BatchedRows, bytes: Data, sha256: String, sender: EnrolledKey, at now: Date)
        async throws(HubError) -> Receipt
    {
        let statement: PostgresQuery
        do {
            statement = try """
            SELECT o_new, o_already_here, o_conflicts FROM ecv_take_push(\(sha256), \(bundle.id),
                \(sender.enrollment.name), \(now), \(bytes), \(rows.teams), \(rows.inspections)::jsonb,
                \(rows.results)::jsonb, \(rows.audit)::jsonb, \(rows.photos)::jsonb, \(rows.plan)::jsonb)
            """
        } catch {
            throw HubError.database(error, at: url)
        }
        let receipts = try await self.rows(writing: true, statement) { try Self.receipt(sha256, counts: $0) }
        guard let receipt = receipts.first else {
            throw HubError.database("ecv_take_push gave no receipt for \(sha256)")
        }
        return receipt
    }

    /// The advisory lock pushes take, one at a time.
    static let pushLock: Int64 = 0x6563_765f_6875_6202
}
