import ECVModel

extension Continuation {
    /// What a re-plan may change and must keep, besides the previous plan and the verdicts.
    public struct Limits: Sendable, Equatable {
        /// Only these routes are planned again, `nil` for all; the others keep their itinerary.
        public var routes: Set<String>?
        /// Valid visits before this day stay exactly (their clients were told).
        public var freezeUntil: CalendarDay?
        /// Per vehicle, the day its repair is done: its re-check comes no earlier.
        public var ready: [String: CalendarDay]

        /// Limits that re-plan every route, freeze nothing and know no repair days, by default.
        public init(routes: Set<String>? = nil, freezeUntil: CalendarDay? = nil, ready: [String: CalendarDay] = [:]) {
            self.routes = routes
            self.freezeUntil = freezeUntil
            self.ready = ready
        }
    }

    /// The continuation of `previous` from `from` on, given what the store says of each vehicle and what
    /// the catalog holds now.
    ///
    /// The published past stays: every leg that departed and every visit that started before `from`, and
    /// each team goes on from where that plan has it (`RoutePrefix`). A vehicle found DEPLOYABLE is done; a
    /// NOT DEPLOYABLE or RESTRICTED one needs a re-check of its failed items, an INCOMPLETE one the items
    /// still untested (and any that failed); a vehicle never inspected is planned in full, even when its visit
    /// was due before `from`. Every visit from `from` on is checked against the current catalog: one that no
    /// longer fits is displaced with the reason; one that fits keeps its time within the line's notice
    /// (`notice-days` working days from `from`, or up to `limits.freezeUntil`), and after it is preferred on
    /// its day with its team. A route that nothing touched — no visit due before `from`, no vehicle inspected,
    /// none new to the catalog, every visit and drive still fitting, no repair date — keeps its whole
    /// itinerary; so does every route outside `limits.routes`.
    public init(
        previous: TourPlan, from: CalendarDay, verdicts: [String: VehicleVerdict], catalog: Catalog,
        limits: Limits = Limits()
    ) {
        var done: Set<String> = []
        var revisits: [String: Revisit] = [:]
        for (vehicle, verdict) in verdicts {
            switch verdict.readiness {
            case .notInspected: continue
            case .deployable: done.insert(vehicle)
            case .notDeployable, .restricted, .incomplete:
                let items = Set((verdict.failed + verdict.untested).map(\.itemID))
                let minutes = catalog.placement(ofVehicle: vehicle).map { placement in
                    catalog.items(applyingTo: placement.vehicle).filter { items.contains($0.fullID) }
                        .reduce(0) { $0 + $1.minutes }
                }
                let recheck = verdict.readiness != .incomplete || !verdict.failed.isEmpty
                revisits[vehicle] = Revisit(purpose: recheck ? .recheck : .completion, itemMinutes: minutes ?? 0)
            }
        }
        let inspected = { (vehicle: String) in (verdicts[vehicle]?.readiness ?? .notInspected) != .notInspected }
        let planned = Set(previous.routes.flatMap { $0.stops.flatMap(\.visits).map(\.vehicle) })
            .union(previous.unscheduled.map(\.vehicle))
        let check = VisitCheck(catalog: catalog, revisitMinutes: revisits.mapValues(\.itemMinutes))
        var kept: [KeptVisit] = []
        var settled: Set<String> = []
        var prefixes: [String: RoutePrefix] = [:]
        var preferred: [String: PreferredVisit] = [:]
        var displaced: [String: String] = [:]
        for route in previous.routes {
            let line = catalog.route(withID: route.route)
            let vehicles = line?.sites.flatMap(\.vehicles).map(\.id) ?? []
            if let prefix = RoutePrefix(of: route, before: from) { prefixes[route.route] = prefix }
            let notice = line.map { Continuation.noticeEnd(from: from, days: catalog.noticeDays(for: $0), line: $0) }
            let keepBefore = [notice, limits.freezeUntil].compactMap { $0 }.max() ?? from
            var routePreferred: [String: PreferredVisit] = [:]
            var routeKept: [KeptVisit] = []
            var routeDisplaced: [String: String] = [:]
            for stop in route.stops {
                for visit in stop.visits where visit.start.day >= from {
                    guard !done.contains(visit.vehicle) else { continue }
                    let needed = revisits[visit.vehicle]?.purpose ?? .inspection
                    if let problem = check.problem(with: visit, at: stop.site, on: route) {
                        routeDisplaced[visit.vehicle] = problem
                    } else if visit.purpose == needed,
                        limits.ready[visit.vehicle].map({ visit.start.day >= $0 }) ?? true
                    {
                        if visit.start.day < keepBefore {
                            routeKept.append(KeptVisit(visit, route: route.route))
                        } else {
                            routePreferred[visit.vehicle] = PreferredVisit(route: route.route, day: visit.start.day)
                        }
                    }
                }
            }
            let outside = !(limits.routes?.contains(route.route) ?? true)
            let untouched =
                outside
                || route.stops.allSatisfy { $0.visits.allSatisfy { $0.start.day >= from } }
                    && !vehicles.contains(where: inspected) && vehicles.allSatisfy(planned.contains)
                    && routeDisplaced.isEmpty && check.driveProblem(on: route) == nil
                    && !vehicles.contains { limits.ready[$0] != nil }
            if untouched {
                routeKept = route.stops.flatMap(\.visits).filter { $0.start.day >= from }
                    .map { KeptVisit($0, route: route.route) }
            } else {
                preferred.merge(routePreferred) { first, _ in first }
                displaced.merge(routeDisplaced) { first, _ in first }
            }
            kept += routeKept
            settled.formUnion(routeKept.map(\.vehicle))
        }
        self.init(from: from, kept: kept, done: done, revisits: revisits)
        self.prefixes = prefixes
        self.settled = settled
        self.preferred = preferred
        self.displaced = displaced
        self.ready = limits.ready
    }

    /// The first day after the notice: `days` working days of `line` from `from` on keep their visits.
    static func noticeEnd(from: CalendarDay, days: Int, line: Route) -> CalendarDay {
        let working = WorkClock(route: line).days.filter { $0 >= from }
        return days < working.count ? working[days] : (working.last ?? from).adding(days: 1)
    }
}
