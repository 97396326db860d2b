/// A plan's JSON (`ecv-plan/1`) as `PlanChecker` reads it: its own types, written from DESIGN.md's format and
/// sharing no code with the planner's `PlanDocument`, so that a fault in how the planner writes a plan cannot
/// hide in how the checker reads it.
///
/// Every member is optional: a missing one is a problem the checker names ("leg 3 is incomplete"), not a plan
/// that cannot be read.
struct CheckedPlan: Decodable {
    var format: String?
    /// A re-plan's first day.
    var from: String?
    /// Vehicles a re-plan found done.
    var done: [String]?
    var routes: [Line]?
    var unscheduled: [Unscheduled]?
    var totals: Totals?

    /// One line's plan: its team, stops and legs, and its own totals.
    struct Line: Decodable {
        var route: String?
        var team: String?
        var stops: [Stop]?
        var legs: [Leg]?
        var totals: Totals?
    }

    /// A stop at a site, with the visits made there.
    struct Stop: Decodable {
        var site: String?
        var arrive: String?
        var depart: String?
        var visits: [Visit]?
    }

    /// One vehicle's visit; `purpose` is absent for a full inspection.
    struct Visit: Decodable {
        var vehicle: String?
        var start: String?
        var end: String?
        var purpose: String?
    }

    /// A drive between two places (`base` or a site), with the stretches it is driven in.
    struct Leg: Decodable {
        var from: String?
        var to: String?
        var depart: String?
        var arrive: String?
        var km: Double?
        var driveMinutes: Int?
        var stretches: [Stretch]?
    }

    /// Part of a leg driven in one go.
    struct Stretch: Decodable {
        var start: String?
        var end: String?
    }

    /// A vehicle left out, and why.
    struct Unscheduled: Decodable {
        var vehicle: String?
        var reason: String?
    }

    /// Totals of the plan or of one line; each line's have no `done` and no `unscheduled`.
    struct Totals: Decodable {
        var km: Double?
        var visits: Int?
        var vehicles: Int?
        var unscheduled: Int?
        var done: Int?
        var driveMinutes: Int?
        var serviceMinutes: Int?
    }
}
