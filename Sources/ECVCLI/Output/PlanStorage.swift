import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// Plans as JSON, and their storage as versions in the database.
enum PlanStorage {
    static func json(_ plan: TourPlan, generated: Date, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        let data = (try? encoder.encode(PlanDocument(plan, generated: generated))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Stores `plan` as the next version; returns the version number.
    static func save(
        _ plan: TourPlan, catalog: Catalog, generated: Date, fromDay: CalendarDay? = nil, global: GlobalOptions
    ) throws -> Int {
        do {
            return try global.openStore().savePlan(
                json: json(plan, generated: generated, pretty: false), seed: plan.seed, catalog: catalog,
                fromDay: fromDay, by: Actor.current(), at: generated, id: TimeOrderedID.make(),
                auditID: TimeOrderedID.make()
            ).version
        } catch let error as StoreError {
            throw CLIError.store(error)
        }
    }

    /// The latest stored plan's document.
    static func latest(global: GlobalOptions) throws -> PlanDocument {
        let record: PlanRecord?
        do {
            record = try global.openStore().latestPlan()
        } catch let error as StoreError {
            throw CLIError.store(error)
        }
        guard let record else { throw CLIError.noPlan }
        return try document(of: record).document
    }

    /// The document a stored plan holds, with its version.
    static func document(of record: PlanRecord) throws -> (document: PlanDocument, version: Int) {
        guard let document = try? JSONDecoder().decode(PlanDocument.self, from: Data(record.json.utf8)) else {
            throw CLIError.store(.database("plan version \(record.version) is not a readable ecv-plan/1 document"))
        }
        return (document, record.version)
    }
}

extension Actor {
    /// The person at this laptop: `--engineer`, else `$USER`, on this host.
    static func current(_ engineer: String? = nil) -> Actor {
        Actor(
            who: engineer ?? ProcessInfo.processInfo.environment["USER"] ?? "engineer",
            laptop: ProcessInfo.processInfo.hostName)
    }
}
