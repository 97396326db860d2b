import ECVModel
import Foundation

/// The answers that count for one vehicle's items, taken one at a time in the order a database receives them, by
/// `AnswerRule`: what the laptop's store keeps in its `latest` and `heldAnswer` tables, worked out in memory.
///
/// The hub feeds it the rows of each bundle in the order the bundles were taken, a bundle's results by recording
/// time then version, as `ecv import` writes them.
public struct VehicleAnswers: Sendable {
    /// The database's laptop name: an answer recorded by it is never held against it.
    public let here: String
    private var latest: [String: (answer: ResultRecord, visit: AnswerRule.Visit)] = [:]
    private var held: [String: AnswerRule.Held] = [:]
    /// Every version of each result taken, by result id.
    private var versions: [UUID: [ResultRecord]] = [:]
    /// How many conflicts were found.
    public private(set) var conflicts = 0

    /// No answers yet, at the database of laptop `here` (the hub: its importer name).
    public init(here: String) {
        self.here = here
    }

    /// Takes `incoming`, an answer given during an inspection open for `visit`.
    public mutating func take(_ incoming: ResultRecord, in visit: AnswerRule.Visit) {
        let known = versions[incoming.id] ?? []
        if known.contains(where: { $0.sameAnswer(as: incoming) }) { return }
        var stored = incoming
        if let clash = known.first(where: { $0.version == incoming.version }) {
            conflicts += 1
            let incomingWins = AnswerRule.keeps(incoming, over: clash)
            hold(kept: incomingWins ? incoming : clash, other: incomingWins ? clash : incoming)
            guard incomingWins else { return }
            stored.version = (known.map(\.version).max() ?? 0) + 1
        } else if let current = latest[incoming.itemID],
            AnswerRule.areRivals(incoming, in: visit, current.answer, in: current.visit)
        {
            conflicts += 1
            let incomingWins = AnswerRule.keeps(incoming, overRival: current.answer)
            hold(kept: incomingWins ? incoming : current.answer, other: incomingWins ? current.answer : incoming)
        }
        versions[incoming.id, default: []].append(stored)
        if let current = latest[stored.itemID]?.answer {
            if AnswerRule.replaces(
                recordedAt: stored.recordedAt, version: stored.version, latestAt: current.recordedAt,
                latestVersion: current.version)
            {
                latest[stored.itemID] = (stored, visit)
            }
        } else {
            latest[stored.itemID] = (stored, visit)
        }
        if let current = held[stored.itemID], AnswerRule.resolves(current, by: stored, local: false) {
            held[stored.itemID] = nil
        }
    }

    private mutating func hold(kept: ResultRecord, other: ResultRecord) {
        if let worse = AnswerRule.held(kept: kept, other: other, here: here, current: held[kept.itemID]) {
            held[kept.itemID] = worse
        }
    }

    /// The answer that counts for each item answered, a held worse answer in place of a better one.
    public var results: [ItemResult] {
        latest.keys.sorted().compactMap { item in
            guard let answer = latest[item]?.answer else { return nil }
            let status = ItemResult.Status(rawValue: answer.status) ?? .untested
            return ItemResult(itemID: item, status: held[item].map { status.worse($0.status) } ?? status)
        }
    }

    /// When the last answer that counts was recorded; `nil` before any.
    public var lastRecordedAt: Date? { latest.values.map(\.answer.recordedAt).max() }
}
