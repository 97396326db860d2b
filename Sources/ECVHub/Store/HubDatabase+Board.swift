import ECVModel
import ECVSync
import Foundation
import PostgresNIO

/// One vehicle's line on the hub's readiness board.
public struct HubBoardRow: Sendable, Equatable {
    /// The vehicle's id.
    public var vehicle: String
    /// Its client organisation's id.
    public var client: String
    /// Its line's id.
    public var route: String
    /// Its site's id.
    public var site: String
    /// Its readiness and the items behind it.
    public var verdict: VehicleVerdict
    /// When its last answer that counts was recorded; `nil` for a vehicle not inspected.
    public var inspected: Date?
}

extension HubDatabase {
    /// The readiness of every vehicle of `catalog`, the worst first (as `ecv status` orders it), then by vehicle id.
    ///
    /// Each vehicle's answers are taken as `ecv import` takes them — bundle after bundle in the order the hub took
    /// them, a bundle's results by recording time then version — through `VehicleAnswers`, the laptops' rule.
    public func board(_ catalog: Catalog) async throws(HubError) -> [HubBoardRow] {
        let rows = try await rows(
            """
            SELECT r.id, r.version, r.inspection_id, r.item_id, r.status, r.value, r.choice, r.text, r.note,
                r.recorded_at, r.recorded_by, r.laptop, i.vehicle_id, i.started_at, i.finished_at
            FROM result r JOIN inspection i ON i.id = r.inspection_id
            ORDER BY r.receipt, r.recorded_at, r.version
            """)
        var answers: [String: VehicleAnswers] = [:]
        for row in rows {
            do {
                let (
                    id, version, inspection, item, status, value, choice, text, note, recordedAt, recordedBy, laptop,
                    vehicle, startedAt, finishedAt
                ) = try row.decode(
                    (
                        UUID, Int, UUID, String, String, Double?, String?, String?, String?, Date, String, String,
                        String, Date, Date?
                    ).self)
                let visit = AnswerRule.Visit(startedAt: startedAt, finishedAt: finishedAt)
                let record = ResultRecord(
                    id: id, version: version, inspectionID: inspection, itemID: item, status: status, value: value,
                    choice: choice, text: text, note: note, recordedAt: recordedAt, recordedBy: recordedBy,
                    laptop: laptop)
                answers[vehicle, default: VehicleAnswers(here: HubDatabase.importerName)].take(record, in: visit)
            } catch {
                throw HubError.database("result row: \(error)")
            }
        }
        var board: [HubBoardRow] = []
        var noAnswers: [[String]: VehicleVerdict] = [:]
        for line in catalog.routes {
            for site in line.sites {
                for vehicle in site.vehicles {
                    let items = catalog.items(applyingTo: vehicle)
                    let verdict: VehicleVerdict
                    let known = answers[vehicle.id]
                    if let known, known.lastRecordedAt != nil {
                        verdict = VerdictRules.verdict(items: items, results: known.results)
                    } else if let none = noAnswers[vehicle.equipment] {
                        verdict = none
                    } else {
                        verdict = VerdictRules.verdict(items: items, results: [])
                        noAnswers[vehicle.equipment] = verdict
                    }
                    board.append(
                        HubBoardRow(
                            vehicle: vehicle.id, client: site.clientID, route: line.id, site: site.id,
                            verdict: verdict, inspected: known?.lastRecordedAt))
                }
            }
        }
        return board.sorted {
            ($0.verdict.readiness.boardRank, $0.vehicle) < ($1.verdict.readiness.boardRank, $1.vehicle)
        }
    }

    /// How many bundles the hub has taken.
    public func receiptCount() async throws(HubError) -> Int {
        do {
            return try await rows("SELECT count(*) FROM receipt").first?.decode(Int.self) ?? 0
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError.database("receipt count: \(error)")
        }
    }
}
