import ECVModel

/// Whether the visits and drives of a stored plan still fit the current Routes/ and Checklists/.
///
/// A plan made weeks ago may break files changed since: a site closed for a day, a holiday added, hours
/// changed, a vehicle removed, an appointment moved, a team called off the tour. Each problem is named in the
/// words a dispatcher reads in the diff (`site closed on 2027-03-08`).
public struct VisitCheck: Sendable {
    /// The current Routes/ and Checklists/.
    public let catalog: Catalog
    /// Minutes of the items a vehicle still needs, for a re-check or a completion; others need all their items.
    public let revisitMinutes: [String: Int]

    /// A check against `catalog`; vehicles in `revisitMinutes` need only those minutes of items.
    public init(catalog: Catalog, revisitMinutes: [String: Int] = [:]) {
        self.catalog = catalog
        self.revisitMinutes = revisitMinutes
    }

    /// Why `visit` at `site` on `route` no longer fits, or `nil` when it still does.
    public func problem(with visit: RoutePlan.Visit, at siteID: String, on route: RoutePlan) -> String? {
        guard let placement = catalog.placement(ofVehicle: visit.vehicle) else { return "vehicle removed from Routes/" }
        guard placement.site.id == siteID else { return "vehicle moved to site \(placement.site.id)" }
        guard let line = catalog.route(withID: route.route) else {
            return "line \(route.route) removed from Routes/"
        }
        let site = placement.site
        let day = visit.start.day
        if let problem = dayProblem(day, on: line) { return problem }
        if !(site.openDays ?? line.workdays).contains(day.weekday) {
            return "\(site.id) not open on \(day.weekday.rawValue)"
        }
        if site.unavailable.contains(day) { return "\(site.id) closed on \(day)" }
        guard let hours = line.visitingHours(at: site),
            hours.startMinute <= visit.start.minuteOfDay, visit.end.minuteOfDay <= hours.endMinute,
            visit.start.day == visit.end.day
        else {
            return "outside the visiting hours at \(site.id)"
                + (line.visitingHours(at: site).map { " (\($0))" } ?? "")
        }
        let minutes =
            visit.purpose == .inspection
            ? catalog.checklists.serviceMinutes(for: placement.vehicle, setupMinutes: line.setupMinutes)
            : revisitMinutes[visit.vehicle].map { $0 + line.setupMinutes }
        if let minutes, minutes > visit.minutes {
            return "needs \(minutes) min now, planned \(visit.minutes)"
        }
        // An appointment binds a site's first visit, never a re-check or a completion.
        if let appointment = site.appointment, visit.purpose == .inspection {
            if VisitWindows.appointment(keptBy: placement) != nil, visit.start != appointment {
                return "appointment at \(site.id) is \(appointment) now"
            }
            if visit.start < appointment { return "before the appointment at \(site.id) (\(appointment))" }
        }
        if let team = catalog.team(withID: route.team) {
            let missing = placement.vehicle.requiredSkills(among: catalog.skillNames).filter {
                !team.skills.contains($0)
            }
            if let skill = missing.first { return "\(route.team) lacks the skill \(skill)" }
        }
        return nil
    }

    /// Why the route's driving on some day no longer fits (that day is now a holiday, or the team is off the tour).
    public func driveProblem(on route: RoutePlan) -> String? {
        guard let line = catalog.route(withID: route.route) else { return nil }
        for leg in route.legs {
            for stretch in leg.stretches {
                if let problem = dayProblem(stretch.start.day, on: line) {
                    return "drive \(leg.from) → \(leg.to): \(problem)"
                }
                if stretch.start.minuteOfDay < line.workHours.startMinute
                    || stretch.end.minuteOfDay > line.workHours.endMinute
                {
                    return "drive \(leg.from) → \(leg.to) outside the work hours \(line.workHours)"
                }
            }
        }
        return nil
    }

    /// Why the line's team does not work on `day`, or `nil` when it does.
    private func dayProblem(_ day: CalendarDay, on line: Route) -> String? {
        if line.holidays.contains(day) { return "holiday on \(day)" }
        if line.teamUnavailable.contains(day) { return "\(line.teamID) unavailable on \(day)" }
        if day < line.start || day > line.end { return "\(day) is outside the line's dates" }
        if !line.workdays.contains(day.weekday) { return "\(day.weekday.rawValue) is not a workday of the line" }
        return nil
    }
}
