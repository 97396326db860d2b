/// Road distances and driving minutes measured between places.
///
/// They replace the great-circle model for the pairs listed. Places are site ids or `base` (a team's base).
public struct DistanceTable: Sendable, Equatable {
    /// One measured leg.
    public struct Entry: Sendable, Equatable {
        public var km: Double
        public var minutes: Double

        public init(km: Double, minutes: Double) {
            self.km = km
            self.minutes = minutes
        }
    }

    private var entries: [String: Entry] = [:]

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

    public var isEmpty: Bool { entries.isEmpty }

    private func key(_ from: String, _ to: String) -> String { "\(from)\u{1F}\(to)" }
}
