import ECVModel

/// What a re-plan from a day on keeps of the tour so far, and what is left to do.
///
/// The published past stays as it was (`prefixes`): each team goes on from where that plan has it on `from`.
/// Visits from `from` on that keep their time (`kept`: within the notice, frozen, or on a line nothing
/// touched) stay too. Every other vehicle that is not `done` is planned on or after `from`: in full when it
/// has not been inspected, or for the items it still needs.
public struct Continuation: Sendable, Equatable {
    /// The re-plan's first day: everything before it is the published past.
    public var from: CalendarDay
    /// Visits from `from` on that keep their time, by start.
    public var kept: [KeptVisit]
    /// Per route, its published itinerary before `from` and where its team is then.
    public var prefixes: [String: RoutePrefix] = [:]
    /// Vehicles whose stored results leave nothing to do: found DEPLOYABLE.
    public var done: Set<String>
    /// Vehicles whose next visit is one of `kept`: not planned again.
    public var settled: Set<String> = []
    /// Vehicles that need some items again, by vehicle id.
    public var revisits: [String: Revisit]
    /// Vehicles whose visit of the previous plan still fits, with its route and day: kept there unless moving
    /// it schedules a vehicle that otherwise could not be, or saves more than moving announced visits costs.
    public var preferred: [String: PreferredVisit] = [:]
    /// Vehicles whose visit of the previous plan no longer fits the catalog, with the reason.
    public var displaced: [String: String] = [:]
    /// Per vehicle, the day its repair is done: its re-check comes no earlier.
    public var ready: [String: CalendarDay] = [:]

    /// A continuation from `from` with what it keeps; no team prefixes, preferences or repair days by default.
    public init(from: CalendarDay, kept: [KeptVisit] = [], done: Set<String> = [], revisits: [String: Revisit] = [:]) {
        self.from = from
        self.kept = kept
        self.done = done
        self.revisits = revisits
    }
}

/// A visit of an earlier plan that stays where it was.
public struct KeptVisit: Sendable, Equatable {
    /// The vehicle.
    public var vehicle: String
    /// Its line.
    public var route: String
    /// When the visit starts.
    public var start: LocalDateTime
    /// Its planned minutes, setup included.
    public var minutes: Int
    /// The inspection, a re-check or a completion.
    public var purpose: RoutePlan.Visit.Purpose

    /// A kept visit of these parts.
    public init(
        vehicle: String, route: String, start: LocalDateTime, minutes: Int,
        purpose: RoutePlan.Visit.Purpose = .inspection
    ) {
        self.vehicle = vehicle
        self.route = route
        self.start = start
        self.minutes = minutes
        self.purpose = purpose
    }
}

/// Where a still-fitting visit of the previous plan was: its route and day.
public struct PreferredVisit: Sendable, Equatable {
    /// The line.
    public var route: String
    /// The day of the visit.
    public var day: CalendarDay

    /// The visit of `route` on `day`.
    public init(route: String, day: CalendarDay) {
        self.route = route
        self.day = day
    }
}

extension KeptVisit {
    /// `visit` of `route` as the plan had it.
    init(_ visit: RoutePlan.Visit, route: String) {
        self.init(
            vehicle: visit.vehicle, route: route, start: visit.start, minutes: visit.minutes, purpose: visit.purpose)
    }
}

/// A vehicle that needs only some of its items again.
public struct Revisit: Sendable, Equatable {
    /// A re-check or a completion.
    public var purpose: RoutePlan.Visit.Purpose
    /// Minutes of the items to do; the route's setup minutes come on top.
    public var itemMinutes: Int

    /// A revisit for `purpose` of `itemMinutes` minutes of items.
    public init(purpose: RoutePlan.Visit.Purpose, itemMinutes: Int) {
        self.purpose = purpose
        self.itemMinutes = itemMinutes
    }
}
