/// Road distances and driving minutes measured between places.
///
/// They replace the great-circle model for the pairs listed. Places are site ids or `base` (a team's base).
public struct DistanceTable: Sendable, Equatable {
    /// One measured leg.
    public struct Entry: Sendable, Equatable {
        /// Road kilometres of the leg.
        public var km: Double
        /// Driving minutes of the leg.
        public var minutes: Double

        /// A leg of `km` kilometres driven in `minutes`.
        public init(km: Double, minutes: Double) {
            self.km = km
            self.minutes = minutes
        }
    }

    /// A leg's two ends, in the order listed; a pair of strings rather than one joined string, so that a lookup
    /// builds nothing.
    private struct Ends: Hashable, Sendable {
        var from: String
        var to: String
    }

    private var entries: [Ends: Entry] = [:]

    /// An empty table: every leg follows the great-circle model.
    public init() {}

    /// Records a measured leg.
    public mutating func set(from: String, to: String, _ entry: Entry) {
        entries[Ends(from: from, to: to)] = entry
    }

    /// The measured leg between two places; a leg listed one way serves the other way too, unless that
    /// one is listed itself.
    public func entry(from: String, to: String) -> Entry? {
        // Most tours measure no leg: the model asks for every pair of its places, so an empty table answers at once.
        guard !entries.isEmpty else { return nil }
        return entries[Ends(from: from, to: to)] ?? entries[Ends(from: to, to: from)]
    }

    /// Whether no leg is measured.
    public var isEmpty: Bool { entries.isEmpty }
}
