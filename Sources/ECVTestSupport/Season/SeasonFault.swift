import ECVModel

/// What makes the office replan in the middle of a season.
enum SeasonFault: String, CaseIterable, Sendable {
    /// A site closed for one day on which a visit is planned.
    case siteClosure = "site closure"
    /// A public holiday added to a line.
    case holiday = "new holiday"
    /// A team called out for an emergency for a day or two.
    case callOut = "team call-out"
    case addedVehicle = "vehicle added"
    case removedVehicle = "vehicle removed"

    /// Three to five faults on distinct days between `first` and `last`, each kind at most once.
    static func schedule(from first: CalendarDay, to last: CalendarDay, random: inout SeededGenerator)
        -> [CalendarDay: SeasonFault]
    {
        guard first <= last else { return [:] }
        let kinds = allCases.shuffled(using: &random).prefix(Int.random(in: 3...5, using: &random))
        let days = (0...first.days(to: last)).map { first.adding(days: $0) }.shuffled(using: &random)
        return Dictionary(zip(days, kinds).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }
}
