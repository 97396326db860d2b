import ArgumentParser
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

    /// Stores `plan` as the next version, a draft.
    static func save(
        _ plan: TourPlan, catalog: Catalog, inputs: PlanInputs, generated: Date, fromDay: CalendarDay? = nil,
        store: Store
    ) throws -> PlanRecord {
        do {
            return try store.savePlan(
                json: json(plan, generated: generated, pretty: false), seed: plan.seed, catalog: catalog,
                inputs: inputs, fromDay: fromDay, by: Actor.current(), at: generated, id: TimeOrderedID.make(),
                auditID: TimeOrderedID.make())
        } catch {
            throw CLIError.store(error)
        }
    }

    /// The stored version `selector` names, read back as a typed plan.
    static func load(_ selector: PlanSelector, from store: Store, catalog: Catalog) throws -> PlanVersion {
        let record: PlanRecord?
        do {
            switch selector {
            case .version(let version): record = try store.plan(version: version)
            case .published: record = try store.publishedPlan()
            case .latest: record = try store.latestPlan()
            case .latestDraft: record = try store.latestDraft()
            }
        } catch {
            throw CLIError.store(error)
        }
        guard let record else { throw CLIError.noPlan(selector) }
        return try PlanVersion(record, catalog: catalog)
    }

    /// As `load`, `nil` when there is no such plan; a database or a stored plan that cannot be read is still
    /// an error, never taken for "none".
    static func loadIfAny(_ selector: PlanSelector, from store: Store, catalog: Catalog) throws -> PlanVersion? {
        do {
            return try load(selector, from: store, catalog: catalog)
        } catch CLIError.noPlan {
            return nil
        }
    }

    /// The plans published before `version` was last published (every publication when it never was, or when
    /// `version` is nil), oldest first: the history against which a calendar counts its changes.
    static func publishedHistory(store: Store, catalog: Catalog, before version: Int?) throws -> [TourPlan] {
        let versions: [Int]
        do {
            versions = try store.publishedVersions()
        } catch {
            throw CLIError.store(error)
        }
        let earlier = version.flatMap { versions.lastIndex(of: $0) }.map { Array(versions[..<$0]) } ?? versions
        var loaded: [Int: TourPlan] = [:]
        return try earlier.map { version in
            if let plan = loaded[version] { return plan }
            let plan = try load(.version(version), from: store, catalog: catalog).plan
            loaded[version] = plan
            return plan
        }
    }

    /// The document a stored plan holds, with its version.
    static func document(of record: PlanRecord) throws -> (document: PlanDocument, version: Int) {
        guard let document = try? JSONDecoder().decode(PlanDocument.self, from: Data(record.json.utf8)) else {
            throw CLIError.store(.database("plan version \(record.version) is not a readable ecv-plan/1 document"))
        }
        return (document, record.version)
    }
}

extension PlanVersion {
    /// A warning naming the files of `root` that differ from those this plan was made from; `nil` when they are
    /// the same or the plan did not keep them.
    func inputsWarning(root: URL, language: Language = .en) -> String? {
        guard let inputs = record.inputs else { return nil }
        let differences = inputs.differences(from: PlanInputs.read(root: root))
        guard !differences.isEmpty else { return nil }
        return Messages(language)("cli.inputs-differ", "\(version)", differences.joined(separator: ", ")) + "\n"
    }
}

/// A stored plan version: its row (state, inputs, when it was made) and its plan as `StoredPlan`, the one
/// reader of a stored plan, read it.
struct PlanVersion {
    let record: PlanRecord
    let stored: StoredPlan

    init(_ record: PlanRecord, catalog: Catalog) throws(CLIError) {
        self.record = record
        do {
            stored = try StoredPlan(json: record.json, version: record.version, routes: catalog.routes)
        } catch {
            throw .unreadablePlan(error)
        }
    }

    var plan: TourPlan { stored.plan }
    var version: Int { record.version }
}

/// Which stored plan a command means: a version number, `published`, `latest`, or the newest draft.
enum PlanSelector: ExpressibleByArgument, CustomStringConvertible, Equatable {
    case version(Int)
    case published
    case latest
    case latestDraft

    init?(argument: String) {
        switch argument {
        case "published": self = .published
        case "latest": self = .latest
        case "draft": self = .latestDraft
        default:
            guard let version = Int(argument), version > 0 else { return nil }
            self = .version(version)
        }
    }

    var description: String {
        switch self {
        case .version(let version): return "version \(version)"
        case .published: return "published"
        case .latest: return "latest"
        case .latestDraft: return "draft"
        }
    }

    static var allValueStrings: [String] { ["N", "published", "latest", "draft"] }
}

extension Actor {
    /// The person at this laptop: `--engineer`, else `$USER`, on this host.
    static func current(_ engineer: String? = nil) -> Actor {
        Actor(
            who: engineer ?? ProcessInfo.processInfo.environment["USER"] ?? "engineer",
            laptop: ProcessInfo.processInfo.hostName)
    }
}
