import ECVModel

extension Continuation {
    /// The continuation of `previous` from `from` on, given what the store says of each vehicle.
    ///
    /// A visit before `from` stays when its vehicle has been inspected; a vehicle found DEPLOYABLE is done;
    /// a NOT DEPLOYABLE or RESTRICTED one needs a re-check of its failed items, an INCOMPLETE one the
    /// items still untested (and any that failed); a vehicle never inspected is planned in full, even when
    /// its visit was due before `from`. A route that nothing touched — no visit due before `from`, no
    /// vehicle inspected, no vehicle new to the catalog — keeps its whole itinerary, so that a re-plan
    /// changes only what it has to; so does every route outside `routes` when that is given.
    public init(
        previous: TourPlan, from: CalendarDay, verdicts: [String: VehicleVerdict], catalog: Catalog,
        routes: Set<String>? = nil
    ) {
        let inspected = { (vehicle: String) in (verdicts[vehicle]?.readiness ?? .notInspected) != .notInspected }
        let planned = Set(previous.routes.flatMap { $0.stops.flatMap(\.visits).map(\.vehicle) })
            .union(previous.unscheduled.map(\.vehicle))
        var kept: [KeptVisit] = []
        var settled: Set<String> = []
        for route in previous.routes {
            let visits = route.stops.flatMap(\.visits)
            let vehicles = catalog.routes.first { $0.id == route.route }?.sites.flatMap(\.vehicles).map(\.id) ?? []
            let untouched =
                !(routes?.contains(route.route) ?? true)
                || visits.allSatisfy { $0.start.day >= from } && !vehicles.contains(where: inspected)
                    && vehicles.allSatisfy(planned.contains)
            for visit in visits where untouched || (inspected(visit.vehicle) && visit.start.day < from) {
                kept.append(
                    KeptVisit(
                        vehicle: visit.vehicle, route: route.route, start: visit.start, minutes: visit.minutes,
                        purpose: visit.purpose))
                if untouched { settled.insert(visit.vehicle) }
            }
        }
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
        self.init(from: from, kept: kept, done: done.union(settled), revisits: revisits)
    }
}
