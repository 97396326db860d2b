import ECVModel

extension TourPlan {
    /// The first id of the plan that the catalog does not know, said as a sentence; `nil` when every route,
    /// team, site, vehicle and client of the plan is in `catalog`.
    ///
    /// A plan from a bundle names files (calendars) and reaches the terminal: its ids must be the catalog's own.
    public func unknownID(in catalog: Catalog) -> String? {
        let routes = Set(catalog.routes.map(\.id))
        let teams = Set(catalog.teams.map(\.id))
        let sites = Set(catalog.routes.flatMap(\.sites).map(\.id))
        let clients = Set(catalog.clients.map(\.id))
        func unknown(_ kind: String, _ id: String, _ known: Set<String>) -> String? {
            known.contains(id) ? nil : "\(kind) `\(id)` is not in Routes/"
        }
        for route in self.routes {
            if let problem = unknown("route", route.route, routes) ?? unknown("team", route.team, teams) {
                return problem
            }
            for stop in route.stops {
                if let problem = unknown("site", stop.site, sites) { return problem }
                for visit in stop.visits {
                    if catalog.placement(ofVehicle: visit.vehicle) == nil {
                        return "vehicle `\(visit.vehicle)` is not in Routes/"
                    }
                    if let problem = unknown("client", visit.client, clients) { return problem }
                }
            }
            for leg in route.legs {
                for place in [leg.from, leg.to] where place != "base" {
                    if let problem = unknown("site", place, sites) { return problem }
                }
            }
        }
        for left in unscheduled {
            if catalog.placement(ofVehicle: left.vehicle) == nil {
                return "vehicle `\(left.vehicle)` is not in Routes/"
            }
            if let problem = unknown("site", left.site, sites) ?? unknown("route", left.route, routes) {
                return problem
            }
        }
        return nil
    }

}
