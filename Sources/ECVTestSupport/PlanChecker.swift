import ECVModel
import ECVPlanning
import Foundation

/// An independent check of a plan's JSON (`ecv-plan/1`) against the catalog, written from DESIGN.md's
/// definition of a valid plan in calendar minutes, sharing no code with the planner's work clock.
public struct PlanChecker {
    let catalog: Catalog
    /// Routes the plan was asked for.
    let routeIDs: Set<String>
    var problems: [String] = []

    /// Whether any team may visit any site (`--rebalance`); otherwise only its own line's sites.
    let rebalance: Bool

    /// For a re-plan: how often each vehicle appears among visits and unscheduled when not once.
    public var expectedAppearances: [String: Int] = [:]
    /// For a re-plan: the item minutes of each vehicle's partial visit (a re-check or a completion).
    public var partialMinutes: [String: Int] = [:]
    /// Vehicles whose visits a re-plan keeps: they took place, appointment or not.
    public var kept: Set<String> = []
    /// A re-plan's first day (the document's `from`): legs that departed and visits that started before it are
    /// the published past, checked only for how they chain, and a vehicle's place is its visit from then on.
    var from: CalendarDay?
    /// For a re-plan: what each vehicle needs from `from` on, when the caller knows the store.
    ///
    /// A vehicle not listed needs its full inspection. Empty: any purpose asked for in `partialMinutes` is taken.
    public var needs: [String: Need] = [:]
    /// For a re-plan: the day each repaired vehicle is ready; its recheck comes no earlier.
    public var ready: [String: CalendarDay] = [:]

    /// What a vehicle needs from a re-plan's day on.
    public enum Need: Sendable, Equatable {
        /// Its results are stored and nothing is left to do: no visit.
        case done
        /// A recheck of failed items, or a completion of untested ones, taking `itemMinutes` plus the setup.
        case partial(RoutePlan.Visit.Purpose, itemMinutes: Int)
    }

    /// A checker of plans of `catalog` asked for `routeIDs` (every line when nil), with `--rebalance` or not.
    public init(catalog: Catalog, routeIDs: Set<String>? = nil, rebalance: Bool = false) {
        self.catalog = catalog
        self.routeIDs = routeIDs ?? Set(catalog.routes.map(\.id))
        self.rebalance = rebalance
    }

    /// A moment `YYYY-MM-DDTHH:MM:SS±HH:MM` as (day, minute of day) in the route's own zone.
    static func moment(_ text: String?) -> (day: CalendarDay, minute: Int)? {
        guard let text, text.count >= 16,
            let day = CalendarDay(iso: text.prefix(10)),
            let minute = DailyHours.minuteOfDay(text.dropFirst(11).prefix(5))
        else { return nil }
        return (day, minute)
    }

    static func absolute(_ moment: (day: CalendarDay, minute: Int)) -> Int {
        moment.day.daysSinceEpoch * 1440 + moment.minute
    }

    mutating func fail(_ message: String) {
        problems.append(message)
    }

    /// Checks the plan stored as `json`.
    public mutating func check(json: String) -> [String] {
        check(Data(json.utf8))
    }

    /// Every problem of the plan whose JSON is `data`, one line each; JSON that is not a plan's shape is one
    /// problem.
    public mutating func check(_ data: Data) -> [String] {
        let document: CheckedPlan
        do {
            document = try JSONDecoder().decode(CheckedPlan.self, from: data)
        } catch {
            return ["the plan is not a readable JSON object: \(error)"]
        }
        return check(document)
    }

    /// Every problem of the plan `document`, one line each.
    mutating func check(_ document: CheckedPlan) -> [String] {
        guard document.format == "ecv-plan/1" else { return ["format is not ecv-plan/1"] }
        let routes = document.routes ?? []
        let unscheduled = document.unscheduled ?? []
        from = document.from.flatMap { CalendarDay(iso: $0) }
        var seen: [String: Int] = [:]
        var totalKm = 0.0
        var totalVisits = 0
        for vehicle in document.done ?? [] { seen[vehicle, default: 0] += 1 }
        for plan in routes {
            guard let id = plan.route, let route = catalog.routes.first(where: { $0.id == id }) else {
                fail("unknown route \(plan.route ?? "nil")")
                continue
            }
            let (km, visits) = checkRoute(plan, route, &seen)
            totalKm += km
            totalVisits += visits
        }
        if Set(routes.compactMap(\.route)) != routeIDs {
            fail("the plan does not hold every route asked for")
        }
        let done = Set(document.done ?? [])
        let scheduled = seen.keys.filter { !done.contains($0) }.count
        for item in unscheduled {
            guard let vehicle = item.vehicle else { continue }
            seen[vehicle, default: 0] += 1
            if (item.reason ?? "").isEmpty { fail("\(vehicle) unscheduled without a reason") }
        }
        for route in catalog.routes where routeIDs.contains(route.id) {
            for vehicle in route.sites.flatMap(\.vehicles)
            where seen[vehicle.id, default: 0] != expectedAppearances[vehicle.id, default: 1] {
                fail("vehicle \(vehicle.id) appears \(seen[vehicle.id] ?? 0) times among visits and unscheduled")
            }
        }
        let totals = document.totals
        if abs((totals?.km ?? -1) - totalKm) > 0.051 * Double(max(1, routes.count)) {
            fail("plan km \(totals?.km.map { "\($0)" } ?? "nil") is not the sum \(totalKm)")
        }
        if let visits = totals?.visits, visits != totalVisits { fail("plan visits is not the sum of visits") }
        // Vehicles are counted once: with a visit planned (from the re-plan day on), unscheduled, or done.
        if totals?.vehicles != scheduled {
            fail("plan vehicles \(totals?.vehicles.map { "\($0)" } ?? "nil") ≠ \(scheduled)")
        }
        let unscheduledVehicles = Set(unscheduled.compactMap(\.vehicle)).count
        if totals?.unscheduled != unscheduledVehicles { fail("plan unscheduled count is wrong") }
        if let done = totals?.done, done != (document.done ?? []).count {
            fail("plan done count is wrong")
        }
        return problems
    }

    /// Checks one route; returns its km and visit count.
    private mutating func checkRoute(_ plan: CheckedPlan.Line, _ route: Route, _ seen: inout [String: Int]) -> (
        Double, Int
    ) {
        let stops = plan.stops ?? []
        let legs = plan.legs ?? []
        guard let team = catalog.team(withID: route.teamID), plan.team == team.id else {
            fail("\(route.id): wrong team")
            return (0, 0)
        }
        if stops.isEmpty { return (0, 0) }
        guard legs.count == stops.count + 1 else {
            fail("\(route.id): \(legs.count) legs for \(stops.count) stops")
            return (0, 0)
        }
        var drivenPerDay: [Int: Int] = [:]
        var clock = Int.min
        var place = "base"
        var km = 0.0
        var driveMinutes = 0
        var serviceMinutes = 0
        var visits = 0
        var vehicles: Set<String> = []
        var firstVisitAtSite: Set<String> = []
        for (index, leg) in legs.enumerated() {
            let target = index < stops.count ? (stops[index].site ?? "?") : "base"
            guard leg.from == place, leg.to == target else {
                fail("\(route.id): leg \(index) does not chain \(place) → \(target)")
                return (km, visits)
            }
            guard let depart = Self.moment(leg.depart), let arrive = Self.moment(leg.arrive),
                let legKm = leg.km, let minutes = leg.driveMinutes
            else {
                fail("\(route.id): leg \(index) is incomplete")
                return (km, visits)
            }
            if index == 0 {
                let start = (route.start, route.workHours.startMinute)
                if Self.absolute(depart) < Self.absolute(start) {
                    fail("\(route.id): leaves before its start day's work")
                }
            }
            if Self.absolute(depart) < clock {
                fail("\(route.id): leg \(index) departs before the previous work ended")
            }
            // The published past is not checked again against files changed since.
            let past = self.from.map { depart.day < $0 } ?? false
            let from = point(place, team)
            let to = point(target, team)
            let exactKm = from.greatCircleKm(to: to) * route.travel.circuity
            if abs(exactKm - legKm) > 0.051 { fail("\(route.id): leg \(index) km \(legKm) ≠ \(exactKm)") }
            if minutes != Int((exactKm / route.travel.speedKmh * 60).rounded(.up)) {
                fail("\(route.id): leg \(index) drive minutes \(minutes) do not follow from \(exactKm) km")
            }
            let end =
                past ? Self.absolute(arrive) : drive(minutes, from: Self.absolute(depart), on: route, &drivenPerDay)
            if past { pastDriving(leg, &drivenPerDay) }
            if end != Self.absolute(arrive) {
                fail(
                    "\(route.id): leg \(index) arrives \(leg.arrive ?? "") but driving from its departure ends at \(end)"
                )
            }
            clock = Self.absolute(arrive)
            km += legKm
            driveMinutes += minutes
            place = target
            guard index < stops.count else { break }
            let stop = stops[index]
            let sites = rebalance ? catalog.routes.flatMap(\.sites) : route.sites
            guard let site = sites.first(where: { $0.id == target }) else {
                fail("\(route.id): stop at unknown site \(target)")
                continue
            }
            if stop.arrive != leg.arrive {
                fail("\(route.id): stop \(target) arrival ≠ leg")
            }
            for visit in stop.visits ?? [] {
                let (minutes, ok) = checkVisit(visit, at: site, on: route, team: team, after: &clock, &firstVisitAtSite)
                if ok {
                    serviceMinutes += minutes
                    visits += 1
                    let planned = Self.moment(visit.start).map { start in self.from.map { start.day >= $0 } ?? true }
                    if let vehicle = visit.vehicle {
                        vehicles.insert(vehicle)
                        if planned ?? false { seen[vehicle, default: 0] += 1 }
                    }
                }
            }
            if stop.depart != legs[index + 1].depart {
                fail("\(route.id): stop \(target) departure ≠ next leg")
            }
        }
        if place != "base" { fail("\(route.id): does not end at base") }
        let back = (route.end, route.workHours.endMinute)
        if clock > Self.absolute(back) { fail("\(route.id): back at base after its end day's work") }
        let totals = plan.totals
        if abs((totals?.km ?? -1) - km) > 0.051 { fail("\(route.id): total km is not the sum of legs") }
        if totals?.driveMinutes != driveMinutes { fail("\(route.id): drive minutes are not the sum") }
        if totals?.serviceMinutes != serviceMinutes { fail("\(route.id): service minutes are not the sum") }
        if totals?.vehicles != vehicles.count { fail("\(route.id): vehicles is not the count of vehicles") }
        if let count = totals?.visits, count != visits { fail("\(route.id): visits is not the count") }
        for site in route.sites where site.appointment != nil && !firstVisitAtSite.contains(site.id) {
            if route.sites.first(where: { $0.id == site.id }) != nil, visitsPlanned(at: site, in: stops) {
                fail("\(route.id): appointment at \(site.id) not honoured")
            }
        }
        return (km, visits)
    }

    private func visitsPlanned(at site: Site, in stops: [CheckedPlan.Stop]) -> Bool {
        stops.contains { $0.site == site.id }
    }

    /// Checks a visit's times, returns its minutes and whether it counts.
    private mutating func checkVisit(
        _ visit: CheckedPlan.Visit, at site: Site, on route: Route, team: Team, after clock: inout Int,
        _ firstVisitAtSite: inout Set<String>
    ) -> (Int, Bool) {
        guard let id = visit.vehicle, let start = Self.moment(visit.start), let end = Self.moment(visit.end)
        else {
            fail("\(route.id): visit at \(site.id) is incomplete")
            return (0, false)
        }
        if let from, start.day < from {
            // The published past: only its place in time is checked; its vehicle may have left Routes/ since.
            if Self.absolute(start) < clock { fail("\(id): visit overlaps the previous visit or leg") }
            clock = Self.absolute(end)
            firstVisitAtSite.insert(site.id)
            return (Self.absolute(end) - Self.absolute(start), true)
        }
        guard let vehicle = site.vehicles.first(where: { $0.id == id }) else {
            fail("\(route.id): visit at \(site.id) of an unknown vehicle")
            return (0, false)
        }
        var needed = catalog.checklists.flatMap(\.items).filter { item in
            item.appliesTo.map { tags in tags.contains { vehicle.equipment.contains($0) } } ?? true
        }.reduce(route.setupMinutes) { $0 + $1.minutes }
        if !needs.isEmpty {
            if let items = checkPurpose(visit, of: id, from: start.day) { needed = route.setupMinutes + items }
        } else if let purpose = visit.purpose {
            guard let items = partialMinutes[id] else {
                fail("\(id): a \(purpose) visit that was not asked for")
                return (0, false)
            }
            needed = route.setupMinutes + items
        }
        let length = Self.absolute(end) - Self.absolute(start)
        if length < needed { fail("\(id): visit of \(length) min, needs \(needed)") }
        if start.day != end.day { fail("\(id): visit spans two days") }
        let day = start.day
        let openDays = site.openDays ?? route.workdays
        let hours = site.openHours ?? route.workHours
        if !route.workdays.contains(day.weekday) || !openDays.contains(day.weekday) {
            fail("\(id): visit on a closed weekday")
        }
        if route.holidays.contains(day) { fail("\(id): visit on a holiday") }
        if route.teamUnavailable.contains(day) { fail("\(id): visit on a day the team is off the tour") }
        if site.unavailable.contains(day) { fail("\(id): visit on an unavailable day") }
        if day < route.start || day > route.end { fail("\(id): visit outside the route's dates") }
        let lowest = max(hours.startMinute, route.workHours.startMinute)
        let highest = min(hours.endMinute, route.workHours.endMinute)
        if start.minute < lowest || end.minute > highest { fail("\(id): visit outside site or work hours") }
        if Self.absolute(start) < clock { fail("\(id): visit overlaps the previous visit or leg") }
        clock = Self.absolute(end)
        let skills = Set(catalog.teams.flatMap(\.skills))
        for skill in vehicle.equipment where skills.contains(skill) && !team.skills.contains(skill) {
            fail("\(id): needs \(skill), which \(team.id) lacks")
        }
        // An appointment binds the site's first visit, never a re-check or a completion.
        if let appointment = site.appointment, !firstVisitAtSite.contains(site.id), !kept.contains(id),
            visit.purpose == nil
        {
            if appointment.day != start.day || appointment.minuteOfDay != start.minute {
                fail("\(id): first visit at \(site.id) starts \(visit.start ?? "") not at \(appointment)")
            }
        }
        firstVisitAtSite.insert(site.id)
        return (length, true)
    }

    /// Counts a past leg's driving per day as published, for the daily limit of the days that follow.
    private func pastDriving(_ leg: CheckedPlan.Leg, _ driven: inout [Int: Int]) {
        for stretch in leg.stretches ?? [] {
            guard let start = Self.moment(stretch.start), let end = Self.moment(stretch.end) else { continue }
            driven[start.day.daysSinceEpoch, default: 0] += max(0, end.minute - start.minute)
        }
    }

    /// Checks a planned visit's purpose against what the vehicle needs and its repair day; returns the minutes a
    /// recheck or a completion needs beyond the setup, nil for a full inspection.
    private mutating func checkPurpose(_ visit: CheckedPlan.Visit, of id: String, from day: CalendarDay) -> Int? {
        let purpose = visit.purpose ?? RoutePlan.Visit.Purpose.inspection.rawValue
        var minutes: Int?
        switch needs[id] {
        case .done: fail("\(id): a \(purpose) visit of a vehicle that is done")
        case .partial(let wanted, let items):
            if purpose != wanted.rawValue { fail("\(id): a \(purpose) visit where a \(wanted.rawValue) is needed") }
            minutes = items
        case nil:
            if purpose != RoutePlan.Visit.Purpose.inspection.rawValue {
                fail("\(id): a \(purpose) visit of a vehicle never inspected")
            }
        }
        if let ready = ready[id], day < ready {
            fail("\(id): a \(purpose) visit on \(day), before the repair is ready on \(ready)")
        }
        return minutes
    }

    private func point(_ place: String, _ team: Team) -> GeoPoint {
        place == "base"
            ? team.base.location
            : catalog.routes.flatMap(\.sites).first { $0.id == place }?.location ?? team.base.location
    }

    /// Drives `minutes` minute by minute from `start` and returns the end.
    ///
    /// Driving happens only inside work hours on the route's working days, at most `max-drive-hours` per
    /// calendar day summed over the route's legs.
    private func drive(_ minutes: Int, from start: Int, on route: Route, _ driven: inout [Int: Int]) -> Int {
        let limit = route.maxDriveHours.map { Int(($0 * 60).rounded()) } ?? Int.max
        var now = start
        var left = minutes
        var guardSteps = 0
        while left > 0 && guardSteps < 10_000_000 {
            guardSteps += 1
            let dayNumber = now / 1440
            let minute = now % 1440
            let day = CalendarDay(daysSinceEpoch: dayNumber)
            if route.isWorkday(day), minute >= route.workHours.startMinute, minute < route.workHours.endMinute,
                driven[dayNumber, default: 0] < limit
            {
                driven[dayNumber, default: 0] += 1
                left -= 1
            }
            now += 1
            if left == 0 { return now }
        }
        return now
    }
}
