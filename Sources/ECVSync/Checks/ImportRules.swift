import ECVModel
import Foundation

/// What an importer holds a bundle's records against: the catalog, its own clock and its own name.
public struct ImportRules: Sendable {
    public var catalog: Catalog
    /// The importer's clock: a bundle may be exported at most a day after it (clocks drift, zones differ).
    public var now: Date
    /// This database's own laptop name: a bundle that claims it is refused.
    public var importer: String
    /// What is wrong with a bundled plan document, `nil` when it reads as a plan: the store cannot read plans
    /// itself, the caller that can says.
    public var planProblem: @Sendable (String) -> String?

    public init(
        catalog: Catalog, now: Date, importer: String,
        planProblem: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.catalog = catalog
        self.now = now
        self.importer = importer
        self.planProblem = planProblem
    }

    /// How far a bundle's export time may be ahead of the importer's clock.
    package static let clockSkew: TimeInterval = 86_400
    /// No record of a tour is older than this.
    package static let earliest = Date(timeIntervalSince1970: 946_684_800)
    /// The longest text field (names, notes, answers).
    package static let maximumTextBytes = 16 * 1024
}
