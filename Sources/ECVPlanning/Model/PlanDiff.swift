import ECVModel

/// What changed from one plan version to another: visit by visit, and line by line.
///
/// A visit is one vehicle for one purpose (the inspection, a re-check, a completion), so a vehicle that
/// keeps its inspection and gains a re-check shows as one unchanged visit and one added. A visit is
/// unchanged when it stays on the same day with the same team; a new start time on that day is not a move.
public struct PlanDiff: Sendable, Equatable {
    /// Where and when a visit is.
    public struct Placement: Sendable, Equatable {
        /// The line.
        public var route: String
        /// The team that makes the visit.
        public var team: String
        /// When the visit starts.
        public var start: LocalDateTime
        /// When it ends.
        public var end: LocalDateTime
        /// The vehicle's site.
        public var site: String
        /// The route's time zone, in which `start` and `end` are read.
        public var timeZone: String
    }

    /// One visit that is not where it was.
    public struct Change: Sendable, Equatable {
        /// How a visit changed.
        public enum Kind: String, Sendable, Equatable, Codable {
            /// To another day or team.
            case moved
            /// In the new plan only.
            case added
            /// In the old plan only.
            case dropped
        }

        /// The vehicle visited.
        public var vehicle: String
        /// The visit's purpose: the inspection, a re-check or a completion.
        public var purpose: RoutePlan.Visit.Purpose
        /// Moved, added or dropped.
        public var kind: Kind
        /// Where it was; `nil` for an added visit.
        public var before: Placement?
        /// Where it is now; `nil` for a dropped visit.
        public var after: Placement?
        /// Why, where the planner knows it: the unscheduled reason of a dropped visit, a missed day, a re-check.
        public var reason: String?
        /// What the move saved its line, net of the price of moving announced visits, where it moved to save.
        public var saving: Double?
    }

    /// One line's km and working days before and after.
    public struct Line: Sendable, Equatable {
        /// The line.
        public var route: String
        /// Road km in the old plan.
        public var kmBefore: Double
        /// Road km in the new plan.
        public var kmAfter: Double
        /// Working days in the old plan.
        public var workdaysBefore: Int
        /// Working days in the new plan.
        public var workdaysAfter: Int
        /// Vehicles visited in the old plan.
        public var vehiclesBefore: Int
        /// Vehicles visited in the new plan.
        public var vehiclesAfter: Int
    }

    /// What a re-plan knows beyond the two plans: its first day and the vehicles already found deployable.
    public struct Context: Sendable, Equatable {
        /// The re-plan's first day: earlier visits are the past and never count as changes.
        public var from: CalendarDay
        /// Vehicles found deployable before `from`: a dropped visit of one says so.
        public var done: Set<String>

        /// A context of these parts.
        public init(from: CalendarDay, done: Set<String>) {
            self.from = from
            self.done = done
        }
    }

    /// Every visit not where it was, by vehicle.
    public var changes: [Change]
    /// Visits on the same day with the same team in both plans.
    public var unchanged: Int
    /// One per line in either plan.
    public var lines: [Line]

    /// The diff from `old` to `new`; `vehicles`, the vehicles of the current Routes/, lets a dropped visit of a
    /// vehicle no longer there say so.
    ///
    /// A re-plan's context is its own (its first day and the vehicles done) unless `context` is given.
    public init(from old: TourPlan, to new: TourPlan, context: Context? = nil, vehicles: Set<String>? = nil) {
        let context = context ?? new.from.map { Context(from: $0, done: Set(new.done)) }
        let before = PlanDiff.visits(old)
        let after = PlanDiff.visits(new)
        let reasons = Dictionary(new.unscheduled.map { ($0.vehicle, $0.reason) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        var unchanged = 0
        for key in Set(before.keys).union(after.keys).sorted(by: { ($0.vehicle, $0.purpose) < ($1.vehicle, $1.purpose) }
        ) {
            switch (before[key], after[key]) {
            case (nil, nil): continue
            case (let was?, nil):
                var reason = [new.reasons[key.vehicle], reasons[key.vehicle]].compactMap { $0 }
                    .joined(separator: "; ")
                if context?.done.contains(key.vehicle) == true {
                    reason = "already inspected and found deployable"
                } else if let vehicles, !vehicles.contains(key.vehicle) {
                    reason = "vehicle removed from Routes/"
                }
                changes.append(
                    Change(
                        vehicle: key.vehicle, purpose: key.purpose, kind: .dropped, before: was, after: nil,
                        reason: reason.isEmpty ? nil : reason))
            case (nil, let now?):
                changes.append(
                    Change(
                        vehicle: key.vehicle, purpose: key.purpose, kind: .added, before: nil, after: now,
                        reason: PlanDiff.addedReason(key.purpose)))
            case (let was?, let now?):
                if was.start.day == now.start.day, was.team == now.team {
                    unchanged += 1
                    continue
                }
                var reason = new.reasons[key.vehicle]
                if reason == nil, let context, was.start.day < context.from, now.start.day >= context.from {
                    reason = "not inspected on \(was.start.day), its planned day"
                } else if reason == nil, was.team != now.team {
                    reason = "taken over by \(now.team)"
                }
                changes.append(
                    Change(
                        vehicle: key.vehicle, purpose: key.purpose, kind: .moved, before: was, after: now,
                        reason: reason, saving: new.savings[key.vehicle]))
            }
        }
        self.changes = changes
        self.unchanged = unchanged
        let oldRoutes = Dictionary(old.routes.map { ($0.route, $0) }, uniquingKeysWith: { a, _ in a })
        let newRoutes = Dictionary(new.routes.map { ($0.route, $0) }, uniquingKeysWith: { a, _ in a })
        let routeIDs = new.routes.map(\.route) + old.routes.map(\.route).filter { newRoutes[$0] == nil }
        lines = routeIDs.map { id in
            Line(
                route: id, kmBefore: oldRoutes[id]?.km ?? 0, kmAfter: newRoutes[id]?.km ?? 0,
                workdaysBefore: oldRoutes[id]?.workdays ?? 0, workdaysAfter: newRoutes[id]?.workdays ?? 0,
                vehiclesBefore: oldRoutes[id]?.vehicleCount ?? 0, vehiclesAfter: newRoutes[id]?.vehicleCount ?? 0)
        }
    }

    /// Changes of the given kind.
    public func changes(_ kind: Change.Kind) -> [Change] {
        changes.filter { $0.kind == kind }
    }

    private struct Key: Hashable {
        var vehicle: String
        var purpose: RoutePlan.Visit.Purpose
    }

    private static func addedReason(_ purpose: RoutePlan.Visit.Purpose) -> String? {
        switch purpose {
        case .inspection: return nil
        case .recheck: return "re-check of the failed items"
        case .completion: return "the items an interrupted inspection left untested"
        }
    }

    /// Each visit by vehicle and purpose; of a vehicle's repeated visits for one purpose, the latest counts.
    private static func visits(_ plan: TourPlan) -> [Key: Placement] {
        var visits: [Key: Placement] = [:]
        for route in plan.routes {
            for stop in route.stops {
                for visit in stop.visits {
                    let placement = Placement(
                        route: route.route, team: route.team, start: visit.start, end: visit.end, site: stop.site,
                        timeZone: route.timeZone)
                    let key = Key(vehicle: visit.vehicle, purpose: visit.purpose)
                    if let known = visits[key], known.start > placement.start { continue }
                    visits[key] = placement
                }
            }
        }
        return visits
    }
}

extension RoutePlan.Visit.Purpose: Comparable {
    /// By the purpose's name.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
