import ECVModel
import Foundation

extension TourPlan {
    /// The typed plan a stored `ecv-plan/1` document holds: the one place where its ISO times are read back.
    ///
    /// Times become local moments of their route (the offset must be a whole one, `+08:00`); a document
    /// stored before legs carried their daily stretches gets them again from `routes`' work clocks, and a
    /// route the catalog no longer has keeps each such leg as one stretch.
    public init(document: PlanDocument, routes catalogRoutes: [Route] = []) throws(PlanReadError) {
        let clocks = Dictionary(
            catalogRoutes.map { ($0.id, (WorkClock(route: $0), $0.timeZone)) }, uniquingKeysWith: { first, _ in first })
        var routes: [RoutePlan] = []
        for route in document.routes {
            let known = clocks[route.route]
            func moment(_ text: String, _ field: String) throws(PlanReadError) -> LocalDateTime {
                guard let value = TourPlan.localMoment(text) else {
                    throw PlanReadError.badTime(route: route.route, field: field, value: text)
                }
                return value
            }
            var legs: [RoutePlan.Leg] = []
            for leg in route.legs {
                let depart = try moment(leg.depart, "legs.depart")
                let arrive = try moment(leg.arrive, "legs.arrive")
                var stretches: [RoutePlan.Stretch] = []
                if let stored = leg.stretches {
                    for stretch in stored {
                        stretches.append(
                            RoutePlan.Stretch(
                                start: try moment(stretch.start, "legs.stretches.start"),
                                end: try moment(stretch.end, "legs.stretches.end"), km: stretch.km))
                    }
                } else if leg.driveMinutes > 0 {
                    stretches = TourPlan.stretches(from: depart, to: arrive, km: leg.km, clock: known?.0)
                }
                legs.append(
                    RoutePlan.Leg(
                        from: leg.from, to: leg.to, km: leg.km, driveMinutes: leg.driveMinutes, depart: depart,
                        arrive: arrive, stretches: stretches))
            }
            var stops: [RoutePlan.Stop] = []
            for stop in route.stops {
                var visits: [RoutePlan.Visit] = []
                for visit in stop.visits {
                    visits.append(
                        RoutePlan.Visit(
                            vehicle: visit.vehicle, client: visit.client,
                            start: try moment(visit.start, "visits.start"),
                            end: try moment(visit.end, "visits.end"), minutes: visit.minutes,
                            purpose: visit.purpose ?? .inspection, fixed: visit.fixed ?? false))
                }
                stops.append(
                    RoutePlan.Stop(
                        site: stop.site, arrive: try moment(stop.arrive, "stops.arrive"),
                        depart: try moment(stop.depart, "stops.depart"), visits: visits))
            }
            guard legs.count == (stops.isEmpty ? 0 : stops.count + 1) else {
                throw PlanReadError.legsDoNotChain(route: route.route)
            }
            routes.append(
                RoutePlan(
                    route: route.route, team: route.team, timeZone: route.timeZone ?? known?.1 ?? Route.defaultTimeZone,
                    depart: try moment(route.depart, "depart"), returnTime: try moment(route.return, "return"),
                    stops: stops, legs: legs, workdays: route.totals.workdays,
                    cost: route.totals.cost.map {
                        RouteCost(
                            cost: $0, idleDays: route.totals.idleDays ?? 0, nightsAway: route.totals.nightsAway ?? 0)
                    }))
        }
        self.init(
            seed: document.seed, routes: routes,
            unscheduled: document.unscheduled.map {
                Unscheduled(
                    vehicle: $0.vehicle, site: $0.site, route: $0.route, reason: $0.reason,
                    forLackOfTime: $0.forLackOfTime ?? false, reasonMessage: $0.reasonMessage)
            }, reasons: document.reasons ?? [:],
            advice: (document.advice ?? []).compactMap { advice in
                CalendarDay(iso: advice.end).map {
                    CapacityAdvice(
                        route: advice.route, end: $0, addedWorkdays: advice.addedWorkdays, vehicles: advice.vehicles)
                }
            })
        if let text = document.from {
            guard let day = CalendarDay(iso: text) else {
                throw PlanReadError.badTime(route: "", field: "from", value: text)
            }
            from = day
        }
        done = document.done ?? []
        savings = document.savings ?? [:]
    }

    /// The typed plan of a stored `ecv-plan/1` JSON text.
    public init(json: String, routes: [Route] = []) throws(PlanReadError) {
        guard let document = try? JSONDecoder().decode(PlanDocument.self, from: Data(json.utf8)) else {
            throw PlanReadError.notAPlan
        }
        try self.init(document: document, routes: routes)
    }

    /// The local moment of `2027-03-01T08:00:00+08:00`, the form `ecv-plan/1` writes.
    static func localMoment(_ text: String) -> LocalDateTime? {
        let characters = Array(text.utf8)
        guard characters.count == 25, characters[16] == UInt8(ascii: ":"),
            characters[19] == UInt8(ascii: "+") || characters[19] == UInt8(ascii: "-")
        else { return nil }
        return LocalDateTime(iso: text.prefix(16))
    }

    /// A leg's driving split at the ends of working days, km shared by minutes driven: how a plan stored
    /// without its stretches was driven (without a daily driving limit, which only the planner knew).
    static func stretches(from depart: LocalDateTime, to arrive: LocalDateTime, km: Double, clock: WorkClock?)
        -> [RoutePlan.Stretch]
    {
        guard let clock, depart.day < arrive.day, let first = clock.index(of: depart.day),
            let last = clock.index(of: arrive.day), first < last
        else { return [RoutePlan.Stretch(start: depart, end: arrive, km: km)] }
        let hours = clock.workHours
        var parts: [(LocalDateTime, LocalDateTime)] = []
        for index in first...last {
            let day = clock.days[index]
            let start = index == first ? depart.minuteOfDay : hours.startMinute
            let end = index == last ? arrive.minuteOfDay : hours.endMinute
            if end > start {
                parts.append((LocalDateTime(day: day, minuteOfDay: start), .init(day: day, minuteOfDay: end)))
            }
        }
        let total = parts.reduce(0) { $0 + $1.1.minuteOfDay - $1.0.minuteOfDay }
        return parts.map { start, end in
            RoutePlan.Stretch(
                start: start, end: end,
                km: total > 0 ? km * Double(end.minuteOfDay - start.minuteOfDay) / Double(total) : 0)
        }
    }
}

extension RoutePlan {
    /// The same route with each visit that starts at its site's appointment marked as fixed.
    func markingAppointments(_ appointments: [String: LocalDateTime]) -> RoutePlan {
        var route = self
        for index in route.stops.indices {
            let appointment = appointments[route.stops[index].site]
            for visit in route.stops[index].visits.indices {
                route.stops[index].visits[visit].fixed = route.stops[index].visits[visit].start == appointment
            }
        }
        return route
    }
}

/// A stored plan that cannot be read back as a plan.
public enum PlanReadError: Error, CustomStringConvertible, Equatable {
    case badTime(route: String, field: String, value: String)
    case legsDoNotChain(route: String)
    case notAPlan

    /// What is wrong, in one line.
    public var description: String {
        switch self {
        case .badTime(let route, let field, let value):
            return "route \(route): \(field) `\(value)` is not a time like 2027-03-01T08:00:00+08:00"
        case .legsDoNotChain(let route):
            return "route \(route): its legs do not lead from the base through its stops and back"
        case .notAPlan:
            return "not a readable ecv-plan/1 document"
        }
    }
}
