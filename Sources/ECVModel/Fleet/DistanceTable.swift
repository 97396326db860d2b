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

    private var entries: [String: Entry] = [:]

    /// An empty table: every leg follows the great-circle model.
    public init() {}

    /// Records a measured leg.
    public mutating func set(from: String, to: String, _ entry: Entry) {
        entries[key(from, to)] = entry
    }

    /// The measured leg between two places; a leg listed one way serves the other way too, unless that
    /// one is listed itself.
    public func entry(from: String, to: String) -> Entry? {
        entries[key(from, to)] ?? entries[key(to, from)]
    }

    /// Whether no leg is measured.
    public var isEmpty: Bool { entries.isEmpty }

    private func key(_ from: String, _ to: String) -> String { "\(from)\u{1F}\(to)" }
}
