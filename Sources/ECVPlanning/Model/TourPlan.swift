import ECVModel

/// A planned tour: per route the day-by-day itinerary, and the vehicles that could not be scheduled.
public struct TourPlan: Sendable, Equatable {
    public var seed: UInt64
    public var routes: [RoutePlan]
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
    public var route: String
    public var team: String
    public var timeZone: String
    public var depart: LocalDateTime
    public var returnTime: LocalDateTime
    public var stops: [Stop]
    /// `legs[i]` leads to `stops[i]`; the last leg returns to the base.
    public var legs: [Leg]

    public var km: Double { legs.reduce(0) { $0 + $1.km } }
    public var driveMinutes: Int { legs.reduce(0) { $0 + $1.driveMinutes } }
    public var serviceMinutes: Int { stops.reduce(0) { $0 + $1.visits.reduce(0) { $0 + $1.minutes } } }
    public var visitCount: Int { stops.reduce(0) { $0 + $1.visits.count } }
    /// Vehicles this route visits, each once however many visits it has.
    public var vehicleCount: Int { Set(stops.flatMap { $0.visits.map(\.vehicle) }).count }
    /// Working days from departure to return, both included.
    public var workdays: Int
    /// Cost, idle days and nights away at the line's rates; `nil` in plans stored before they were written.
    public var cost: RouteCost?

    /// Where the team works: one site, one or more vehicles, possibly over several days.
    public struct Stop: Sendable, Equatable {
        public var site: String
        public var arrive: LocalDateTime
        public var depart: LocalDateTime
        public var visits: [Visit]
    }

    /// The inspection of one vehicle.
    public struct Visit: Sendable, Equatable {
        public var vehicle: String
        public var client: String
        public var start: LocalDateTime
        public var end: LocalDateTime
        public var minutes: Int
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
        public var from: String
        public var to: String
        public var km: Double
        public var driveMinutes: Int
        public var depart: LocalDateTime
        public var arrive: LocalDateTime
        public var stretches: [Stretch]
    }

    /// Driving on one day: from when to when, and the km covered.
    public struct Stretch: Sendable, Equatable {
        public var start: LocalDateTime
        public var end: LocalDateTime
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
    public var vehicle: String
    public var site: String
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
    public var route: String
    public var end: CalendarDay
    public var addedWorkdays: Int
    public var vehicles: Int
}
