/// A field team: who drives, what they are qualified for, where they start and end.
public struct Team: Sendable, Hashable, Codable, Identifiable {
    /// The team's id, such as `team-a`.
    public var id: String
    /// The team's name for people, in zh and en.
    public var name: LocalizedText
    /// The engineers' names, for plans and reports.
    public var members: [String]
    /// Qualifications; a vehicle whose equipment carries one of these tags needs it.
    public var skills: [String]
    /// Where the team's lines start and end.
    public var base: Base
    /// Days the team cannot work on the tour (it is also the company's emergency-response unit): no visit and
    /// no driving then, on any of its lines.
    public var unavailable: [CalendarDay]
    /// The team's cost rates, where they differ from the defaults.
    public var cost: CostRates.Given?
    /// The most working days the team may work over all its lines (`--rebalance` honours it); `nil` for no limit.
    public var maxWorkdays: Int?
    /// Working days of notice a re-plan gives before moving a published visit (see `Catalog.noticeDays(for:)`).
    public var noticeDays: Int?

    /// The team's home: every route starts and ends here.
    public struct Base: Sendable, Hashable, Codable {
        /// The base's name for people.
        public var name: LocalizedText
        /// Where the base is.
        public var location: GeoPoint

        /// A base at `location` called `name`.
        public init(name: LocalizedText, location: GeoPoint) {
            self.name = name
            self.location = location
        }
    }

    /// A team of these parts, available every day, with the default cost rates.
    public init(
        id: String, name: LocalizedText, members: [String] = [], skills: [String], base: Base,
        unavailable: [CalendarDay] = [], cost: CostRates.Given? = nil, maxWorkdays: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.members = members
        self.skills = skills
        self.base = base
        self.unavailable = unavailable
        self.cost = cost
        self.maxWorkdays = maxWorkdays
    }
}
