import ECVModel

/// What a re-plan keeps of a line's published itinerary before its first day: the past, exactly as published,
/// and where the team is when the re-plan takes over.
///
/// Every leg that departed before the re-plan's first day stays, also one still being driven then — the team
/// goes on with that drive, it is never called back to its base — and so does every visit that started before
/// that day, whether its vehicle was inspected or not: what happened is what the store says, the plan only
/// says what was announced.
public struct RoutePrefix: Sendable, Equatable {
    /// The legs that departed before the re-plan's first day, in order.
    public var legs: [RoutePlan.Leg]
    /// The stops reached by those legs, each with its visits that started before the re-plan's first day; a
    /// leg still being driven has no stop yet.
    public var stops: [RoutePlan.Stop]
    /// Where the team is when the re-plan takes over: a site, or `nil` at its base.
    public var site: String?
    /// When the team is free there: the end of its last kept visit, or the arrival of its last kept leg.
    public var readyAt: LocalDateTime

    /// Whether the last kept leg still has to reach its stop (the team is on the road to `site`).
    public var isArriving: Bool { legs.count > stops.count && site != nil }

    /// Whether the team is back at its base for good: its drive home departed before the re-plan.
    public var isHome: Bool { site == nil }

    /// The published past of `route` before `from`, or `nil` when the team had not left its base by then.
    public init?(of route: RoutePlan, before from: CalendarDay) {
        guard let first = route.legs.first, first.depart.day < from else { return nil }
        var legs: [RoutePlan.Leg] = []
        var stops: [RoutePlan.Stop] = []
        for (index, leg) in route.legs.enumerated() where leg.depart.day < from {
            legs.append(leg)
            guard index < route.stops.count else {
                // The drive home departed: the team is back, or on its way back, at its base.
                self.init(legs: legs, stops: stops, site: nil, readyAt: leg.arrive)
                return
            }
            let stop = route.stops[index]
            let past = stop.visits.filter { $0.start.day < from }
            let leavesBefore = index + 1 < route.legs.count && route.legs[index + 1].depart.day < from
            // A stop an earlier re-plan left without visits (its visits moved while the team drove there) is
            // past as it is once the team has left it.
            if !past.isEmpty || (stop.visits.isEmpty && leavesBefore) {
                stops.append(RoutePlan.Stop(site: stop.site, arrive: stop.arrive, depart: stop.depart, visits: past))
            }
            if past.count < stop.visits.count || !leavesBefore {
                self.init(
                    legs: legs, stops: stops, site: stop.site, readyAt: max(leg.arrive, past.last?.end ?? leg.arrive))
                return
            }
        }
        return nil
    }

    /// A prefix as given.
    public init(legs: [RoutePlan.Leg], stops: [RoutePlan.Stop], site: String?, readyAt: LocalDateTime) {
        self.legs = legs
        self.stops = stops
        self.site = site
        self.readyAt = readyAt
    }

    /// Minutes driven on `day` by the kept legs: they count against the line's daily driving limit that day.
    public func drivenMinutes(on day: CalendarDay) -> Int {
        legs.flatMap(\.stretches).filter { $0.start.day == day }
            .reduce(0) { $0 + max(0, $1.end.minuteOfDay - $1.start.minuteOfDay) }
    }
}
