import ECVModel

/// A planned tour: per route the day-by-day itinerary, and the vehicles that could not be scheduled.
public struct TourPlan: Sendable, Equatable {
    /// The search's seed.
    public var seed: UInt64
    /// One itinerary per planned line.
    public var routes: [RoutePlan]
    /// Every vehicle of the planned lines that no visit serves.
    public var unscheduled: [Unscheduled]
    /// For a re-plan: why a visit of the previous plan moved or was dropped, by vehicle.
    public var reasons: [String: String] = [:]
    /// For a re-plan: what moving a visit saved its line, net of the price of the visits moved, by vehicle.
    public var savings: [String: Double] = [:]
    /// Per line with vehicles left out for lack of time, the end date that would fit them.
    public var advice: [CapacityAdvice] = []
    /// A re-plan's first day, before which visits are the published past; `nil` for a fresh plan.
    public var from: CalendarDay?
    /// Vehicles of the planned lines that need no visit: the store found them DEPLOYABLE before `from`.
    public var done: [String] = []

    /// Road km over all routes.
    public var km: Double { routes.reduce(0) { $0 + $1.km } }

    /// The vehicles scheduled, each once: those with a visit on or after `from` (every visit of a fresh plan).
    ///
    /// With `done` and `unscheduled`, every vehicle of the planned lines is in exactly one place.
    public var scheduledVehicles: [String] {
        var seen: Set<String> = []
        return routes.flatMap { $0.stops.flatMap(\.visits) }
            .filter { visit in from.map { visit.start.day >= $0 } ?? true }
            .map(\.vehicle).filter { seen.insert($0).inserted }
    }

    /// How many vehicles are scheduled: vehicles, never visits.
    public var vehicleCount: Int { scheduledVehicles.count }
    /// Visits over all routes, the published past of a re-plan included.
    public var visitCount: Int { routes.reduce(0) { $0 + $1.visitCount } }
}

/// One route's itinerary: legs and stops in order, from the base and back.
public struct RoutePlan: Sendable, Equatable {
    /// The line's id.
    public var route: String
    /// The team that drives it.
    public var team: String
    /// The line's IANA time zone; every moment of the route is local to it.
    public var timeZone: String
    /// When the team leaves its base (or goes on from where the past left it).
    public var depart: LocalDateTime
    /// When the team is back at its base.
    public var returnTime: LocalDateTime
    /// The sites reached, in order.
    public var stops: [Stop]
    /// `legs[i]` leads to `stops[i]`; the last leg returns to the base.
    public var legs: [Leg]

    /// Road km of the legs.
    public var km: Double { legs.reduce(0) { $0 + $1.km } }
    /// Minutes at the wheel.
    public var driveMinutes: Int { legs.reduce(0) { $0 + $1.driveMinutes } }
    /// Planned minutes of the visits.
    public var serviceMinutes: Int { stops.reduce(0) { $0 + $1.visits.reduce(0) { $0 + $1.minutes } } }
    /// Visits of the route; a vehicle inspected, then re-checked, counts twice.
    public var visitCount: Int { stops.reduce(0) { $0 + $1.visits.count } }
    /// Vehicles this route visits, each once however many visits it has.
    public var vehicleCount: Int { Set(stops.flatMap { $0.visits.map(\.vehicle) }).count }
    /// Working days from departure to return, both included.
    public var workdays: Int
    /// Cost, idle days and nights away at the line's rates; `nil` in plans stored before they were written.
    public var cost: RouteCost?

    /// Where the team works: one site, one or more vehicles, possibly over several days.
    public struct Stop: Sendable, Equatable {
        /// The site's id.
        public var site: String
        /// When the team arrives.
        public var arrive: LocalDateTime
        /// When the team leaves.
        public var depart: LocalDateTime
        /// The visits at the site, in order; empty for a site reached only to stay the night.
        public var visits: [Visit]
    }

    /// The inspection of one vehicle.
    public struct Visit: Sendable, Equatable {
        /// The vehicle's id.
        public var vehicle: String
        /// The vehicle's client organisation.
        public var client: String
        /// When the work on it starts.
        public var start: LocalDateTime
        /// When it ends.
        public var end: LocalDateTime
        /// Planned minutes, setup included.
        public var minutes: Int
        /// The full inspection, a re-check or a completion.
        public var purpose: Purpose = .inspection
        /// Whether the visit keeps an appointment: its start was agreed with the client and must not move.
        public var fixed = false

        /// Why the team visits: the full inspection, or some items again.
        public enum Purpose: String, Sendable, Equatable, Codable {
            case inspection
            /// The items that failed, after a repair.
            case recheck
            /// The items an interrupted inspection left untested.
            case completion
        }
    }

    /// A drive between two places (`base` or site ids), split into one stretch per day it takes.
    public struct Leg: Sendable, Equatable {
        /// Where the drive starts.
        public var from: String
        /// Where it ends.
        public var to: String
        /// Road km.
        public var km: Double
        /// Minutes at the wheel.
        public var driveMinutes: Int
        /// When the team sets off.
        public var depart: LocalDateTime
        /// When it arrives, nights on the road included.
        public var arrive: LocalDateTime
        /// One per day the drive takes.
        public var stretches: [Stretch]
    }

    /// Driving on one day: from when to when, and the km covered.
    public struct Stretch: Sendable, Equatable {
        /// When that day's driving starts.
        public var start: LocalDateTime
        /// When it ends.
        public var end: LocalDateTime
        /// Road km driven then, to 0.1.
        public var km: Double

        /// A leg's `km` shared among its daily stretches by their driving minutes, each to 0.1 km and the last
        /// taking the rest, so that the stretches add up to the leg exactly as printed.
        static func split(
            km: Double, minutes: Double, _ parts: [(start: LocalDateTime, end: LocalDateTime, minutes: Double)]
        )
            -> [Stretch]
        {
            var left = km
            return parts.enumerated().map { index, part in
                let share =
                    index == parts.count - 1
                    ? PlanDocument.tenths(left) : PlanDocument.tenths(minutes > 0 ? km * part.minutes / minutes : 0)
                left -= share
                return Stretch(start: part.start, end: part.end, km: share)
            }
        }
    }
}

/// A vehicle the plan leaves out, with a reason a dispatcher understands.
public struct Unscheduled: Sendable, Equatable {
    /// The vehicle's id.
    public var vehicle: String
    /// Its site.
    public var site: String
    /// Its line.
    public var route: String
    /// Why, in English words, as every plan stores them.
    public var reason: String
    /// Whether more working days on its line might fit it: the tour ran out of room, not a site or a skill.
    public var forLackOfTime = false
    /// `reason` as the catalogue's message; nil in a plan stored before it was kept, which has its words only.
    public var reasonMessage: MessageText?

    /// Why, in `messages`' language where the plan kept the message, else in the words it stored.
    public func reason(in messages: Messages) -> String {
        reasonMessage.map { $0.text(messages) } ?? reason
    }
}

/// What would fit a line's vehicles left out for lack of time.
///
/// The end date, the working days it adds, and how many vehicles it schedules: planning that line with that
/// end date schedules them.
public struct CapacityAdvice: Sendable, Equatable {
    /// The line's id.
    public var route: String
    /// The end date that would fit its left-out vehicles.
    public var end: CalendarDay
    /// Working days the end date adds.
    public var addedWorkdays: Int
    /// Vehicles that would then fit.
    public var vehicles: Int
}
