import ECVModel
import Foundation

/// What an importer holds a bundle's records against: the catalog, its own clock and its own name.
public struct ImportRules: Sendable {
    /// The catalog bundles are checked against: vehicles, items, checklist versions.
    public var catalog: Catalog
    /// The importer's clock: a bundle may be exported at most a day after it (clocks drift, zones differ).
    public var now: Date
    /// This database's own laptop name: a bundle that claims it is refused.
    public var importer: String
    /// What is wrong with a bundled plan document, `nil` when it reads as a plan: the store cannot read plans
    /// itself, the caller that can says.
    public var planProblem: @Sendable (String) -> String?

    /// Rules with these parts; bundled plans are not read unless `planProblem` says.
    public init(
        catalog: Catalog, now: Date, importer: String,
        planProblem: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.catalog = catalog
        self.now = now
        self.importer = importer
        self.planProblem = planProblem
    }

    /// How far a bundle's export time, and so any time in it, may be ahead of the importer's clock: clocks of
    /// laptops drift by minutes, and a time further ahead would outrank answers recorded since.
    package static let clockSkew = EntryLimits.standard.clockSkew
    /// No record of a tour is older than this.
    package static let earliest = EntryLimits.standard.earliest
    /// The longest text field (names, notes, answers): the limit `ecv record`, `ecv inspect` and the form apply.
    package static let maximumTextBytes = EntryLimits.standard.textBytes
}
