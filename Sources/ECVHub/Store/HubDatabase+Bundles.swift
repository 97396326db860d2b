import Crypto
import ECVCatalog
import ECVHubClient
import ECVModel
import ECVPlanning
import ECVSync
import Foundation
import PostgresNIO

/// Why a pushed bundle was not taken; nothing was stored.
public struct BundleRefusal: Error, Equatable, CustomStringConvertible {
    /// The reason, in one line.
    public var description: String
}

extension HubDatabase {
    /// Takes a bundle pushed by `sender`: the same checks as `ecv import` (ECVSync's, against what the hub holds
    /// and the office's latest Routes/ and Checklists/), then its rows and its receipt in one transaction.
    ///
    /// The same bytes again give the stored receipt and store nothing. Pushes are taken one at a time (an advisory
    /// lock), so receipt numbers — the pull cursor — follow the order of commits.
    ///
    /// A refusal is recorded with its reason (`refused_bundle`), for the dispatcher's sync page.
    public func receive(_ data: Data, from sender: EnrolledKey, at now: Date) async throws
        -> Result<Receipt, BundleRefusal>
    {
        let outcome = try await take(data, from: sender, at: now)
        if case .failure(let refusal) = outcome {
            try await recordRefusal(of: data, by: sender.enrollment.name, reason: refusal.description, at: now)
        }
        return outcome
    }

    /// Checks and stores a pushed bundle; a refusal is returned, not recorded.
    private func take(_ data: Data, from sender: EnrolledKey, at now: Date) async throws
        -> Result<Receipt, BundleRefusal>
    {
        let sha256 = data.sha256Hex
        if let receipt = try await receipt(sha256) { return .success(receipt) }
        let read: Result<SyncBundle, BundleRefusal> = try await CPUWork.run {
            do throws(BundleError) {
                return .success(try SyncBundle(data: data))
            } catch {
                return .failure(BundleRefusal(description: error.description))
            }
        }
        let bundle: SyncBundle
        switch read {
        case .success(let read): bundle = read
        case .failure(let refusal): return .failure(refusal)
        }
        guard bundle.laptop == sender.enrollment.name else {
            return .failure(
                BundleRefusal(
                    description:
                        "the bundle is of laptop \(bundle.laptop); key `\(sender.enrollment.name)` pushes its own"))
        }
        if bundle.plan != nil, !sender.isOffice {
            return .failure(
                BundleRefusal(description: "a laptop's bundle may not carry a plan; only the office publishes"))
        }
        guard let catalog = try await currentCatalog() else {
            return .failure(
                BundleRefusal(
                    description: "the office has not pushed its Routes/ and Checklists/ yet (`ecv sync` at the office)")
            )
        }
        let held = try await holdings(of: bundle, sender: sender)
        let routes = catalog.routes
        let rules = ImportRules(
            catalog: catalog, now: now, importer: HubDatabase.importerName,
            planProblem: { json in
                do {
                    _ = try TourPlan(json: json, routes: routes)
                    return nil
                } catch {
                    return (error as? PlanReadError)?.description ?? "not a readable plan"
                }
            })
        // The check and the rows to write are a push's CPU work, done before it takes its turn to write.
        let checked: Result<BatchedRows, BundleError> = try await CPUWork.run {
            do {
                try bundle.check(against: held, rules: rules)
            } catch let error as BundleError {
                return .failure(error)
            }
            return .success(BatchedRows(bundle, held: held.inspectionsByID))
        }
        switch checked {
        case .success(let rows):
            return .success(
                try await store(bundle, rows: rows, bytes: data, sha256: sha256, sender: sender, at: now))
        case .failure(let error):
            return .failure(BundleRefusal(description: error.description))
        }
    }

    /// The name the hub imports under: no laptop may have it (it is not a valid key name).
    static let importerName = "@hub"

    /// The receipt of the bundle with `sha256`, when the hub has it.
    func receipt(_ sha256: String) async throws(HubError) -> Receipt? {
        try await rows("SELECT new_rows, already_here, conflicts FROM receipt WHERE sha256 = \(sha256)") { row in
            try Self.receipt(sha256, counts: row)
        }.first
    }

    /// The receipt of the bundle with `sha256` from a row of its counts: new, already here, conflicts.
    static func receipt(_ sha256: String, counts row: PostgresRow) throws -> Receipt {
        let (new, known, conflicts) = try row.decode((Int, Int, Int).self)
        return Receipt(sha256: sha256, new: new, alreadyHere: known, conflicts: conflicts)
    }

    /// What the checks need to know of what the hub holds: the signer's key, the inspections and results the
    /// bundle names.
    private func holdings(of bundle: SyncBundle, sender: EnrolledKey) async throws(HubError) -> HeldRecords {
        let inspectionIDs = Array(
            Set(
                bundle.inspections.map(\.id) + bundle.results.map(\.inspectionID)
                    + bundle.photos.map(\.photo.inspectionID)))
        let resultIDs = Array(Set(bundle.results.map(\.id)))
        // Two reads, no transaction around them: the store's insert settles any row another push added meanwhile.
        let inspections = try await rows(
            """
            SELECT id, vehicle_id, client_id, site_id, route_id, equipment, team_id, engineer, laptop, started_at,
                   finished_at, kind, checklists
            FROM inspection WHERE id = ANY(\(inspectionIDs))
            """
        ) { row in
            let (id, vehicle, client, site, route, equipment, team, engineer, laptop, started, finished, kind, lists) =
                try row.decode(
                    (UUID, String, String, String, String, String, String, String, String, Date, Date?, String, String)
                        .self)
            return InspectionRecord(
                id: id, vehicleID: vehicle, clientID: client, siteID: site, routeID: route,
                equipment: equipment, teamID: team, engineer: engineer, laptop: laptop, startedAt: started,
                finishedAt: finished, kind: kind, checklists: lists)
        }
        // One index probe per named result: `id = ANY(…)` over the whole table is planned as a scan while the
        // table's statistics are young (a new hub, the first minutes of a busy day), and a scan per push is what
        // every other laptop then waits for.
        let places = try await rows(
            """
            SELECT w.id, r.inspection_id, r.item_id FROM unnest(\(resultIDs)::uuid[]) AS w(id)
            CROSS JOIN LATERAL (SELECT inspection_id, item_id FROM result WHERE result.id = w.id LIMIT 1) r
            """
        ) { row in
            let (id, inspection, item) = try row.decode((UUID, UUID, String).self)
            return (id, ResultPlace(inspectionID: inspection, itemID: item))
        }
        return HeldRecords(
            enrolments: [
                sender.enrollment.name: Enrolment(
                    publicKey: sender.publicKey, role: sender.isOffice ? .office : .laptop)
            ],
            inspections: Dictionary(inspections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            results: Dictionary(places, uniquingKeysWith: { first, _ in first }))
    }
}
