/// What a line's tour costs the company: road km, working days out and nights away from base.
///
/// A team-day (four engineers' per diem and hotel) costs about as much as 1,000–1,500 km of driving, so idle
/// working days are expensive. Rates are in one currency unit (yuan).
public struct CostRates: Sendable, Hashable, Codable {
    public var perKm: Double
    /// Per working day a line is out, from its first departure's day to its return's day.
    public var perDay: Double
    /// Per night the team spends away from its base.
    public var perNightAway: Double

    public init(perKm: Double = 1.5, perDay: Double = 2000, perNightAway: Double = 0) {
        self.perKm = perKm
        self.perDay = perDay
        self.perNightAway = perNightAway
    }

    /// Rates as a file gives them: any may be missing, and then the rate from further out applies.
    public struct Given: Sendable, Hashable, Codable {
        public var perKm: Double?
        public var perDay: Double?
        public var perNightAway: Double?

        public init(perKm: Double? = nil, perDay: Double? = nil, perNightAway: Double? = nil) {
            self.perKm = perKm
            self.perDay = perDay
            self.perNightAway = perNightAway
        }
    }

    /// These rates with every rate `given` sets replaced.
    public func applying(_ given: Given?) -> CostRates {
        guard let given else { return self }
        return CostRates(
            perKm: given.perKm ?? perKm, perDay: given.perDay ?? perDay,
            perNightAway: given.perNightAway ?? perNightAway)
    }

    /// The cost of `km` road km, `workdays` working days out and `nights` nights away.
    public func cost(km: Double, workdays: Int, nights: Int) -> Double {
        perKm * km + perDay * Double(workdays) + perNightAway * Double(nights)
    }
}

extension Catalog {
    /// The rates of `route`: the defaults, then its team's `cost`, then the line's own `cost`.
    public func costRates(for route: Route) -> CostRates {
        CostRates().applying(team(withID: route.teamID)?.cost).applying(route.cost)
    }
}
