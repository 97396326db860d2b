/// What a line's tour costs the company: road km, working days out and nights away from base.
///
/// A team-day (four engineers' per diem and hotel) costs about as much as 1,000–1,500 km of driving, so idle
/// working days are expensive. Rates are in one currency unit (yuan).
public struct CostRates: Sendable, Hashable, Codable {
    /// Per road kilometre driven.
    public var perKm: Double
    /// Per working day a line is out, from its first departure's day to its return's day.
    public var perDay: Double
    /// Per night the team spends away from its base.
    public var perNightAway: Double
    /// Per published visit a re-plan moves to another day or team: what it costs to tell a client again.
    public var perMovedVisit: Double

    /// Rates with these values; the defaults are the company's standard rates.
    public init(perKm: Double = 1.5, perDay: Double = 2000, perNightAway: Double = 0, perMovedVisit: Double = 1000) {
        self.perKm = perKm
        self.perDay = perDay
        self.perNightAway = perNightAway
        self.perMovedVisit = perMovedVisit
    }

    /// Rates as a file gives them: any may be missing, and then the rate from further out applies.
    public struct Given: Sendable, Hashable, Codable {
        /// Per road kilometre, when the file sets it.
        public var perKm: Double?
        /// Per working day out, when the file sets it.
        public var perDay: Double?
        /// Per night away, when the file sets it.
        public var perNightAway: Double?
        /// Per moved visit, when the file sets it.
        public var perMovedVisit: Double?

        /// Rates as given, each `nil` unless set.
        public init(
            perKm: Double? = nil, perDay: Double? = nil, perNightAway: Double? = nil, perMovedVisit: Double? = nil
        ) {
            self.perKm = perKm
            self.perDay = perDay
            self.perNightAway = perNightAway
            self.perMovedVisit = perMovedVisit
        }
    }

    /// These rates with every rate `given` sets replaced.
    public func applying(_ given: Given?) -> CostRates {
        guard let given else { return self }
        return CostRates(
            perKm: given.perKm ?? perKm, perDay: given.perDay ?? perDay,
            perNightAway: given.perNightAway ?? perNightAway, perMovedVisit: given.perMovedVisit ?? perMovedVisit)
    }

    /// The cost of `km` road km, `workdays` working days out and `nights` nights away.
    public func cost(km: Double, workdays: Int, nights: Int) -> Double {
        perKm * km + perDay * Double(workdays) + perNightAway * Double(nights)
    }
}

extension Catalog {
    /// Working days after a re-plan's first day whose published visits keep their time unless they no longer
    /// fit: the line's `notice-days`, else its team's, else 3.
    public func noticeDays(for route: Route) -> Int {
        route.noticeDays ?? team(withID: route.teamID)?.noticeDays ?? 3
    }

    /// The rates of `route`: the defaults, then its team's `cost`, then the line's own `cost`.
    public func costRates(for route: Route) -> CostRates {
        CostRates().applying(team(withID: route.teamID)?.cost).applying(route.cost)
    }
}
