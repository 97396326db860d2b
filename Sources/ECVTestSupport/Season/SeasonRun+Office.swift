import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

extension SeasonRun {
    /// The office's first plan of the season, published and sent to the laptops.
    mutating func planFirst() throws {
        let published = try office.planAndPublish(continuation: nil, fromDay: nil, at: now(SeasonClock.morning))
        try distribute()
        try checkPlan(published, previous: nil)
    }

    /// Replans from the day being played, as `ecv replan --from DAY --ready …` does, publishes and sends the plan.
    mutating func replan() throws {
        guard let previous = try office.published() else { return try planFirst() }
        let catalog = office.catalog
        let board = try office.store.board(catalog)
        let verdicts = Dictionary(board.map { ($0.vehicle, $0.verdict) }, uniquingKeysWith: { first, _ in first })
        let needs = VehicleNeed.of(board)
        // A repair date counts while the vehicle still waits for its recheck.
        let repairs = ready.filter { needs[$0.key] == .visit(.recheck) }
        let continuation = Continuation(
            previous: previous.plan, from: day, verdicts: verdicts, catalog: catalog,
            limits: Continuation.Limits(ready: repairs))
        let published = try office.planAndPublish(
            continuation: continuation, fromDay: day, at: now(SeasonClock.morning))
        outcome.replans += 1
        outcome.replanEffects.append(
            ReplanEffect(from: previous.plan, to: published.plan, on: day, catalog: catalog))
        try distribute()
        try checkPlan(published, previous: previous, board: board, ready: repairs)
    }

    /// Sends the plan just published to the laptops.
    private mutating func distribute() throws {
        try travel(at: SeasonClock.morning) { transport, step in try transport.sendPlan(&step) }
    }

    /// Changes Routes/ as `fault` says, then replans from the day being played.
    mutating func meet(_ fault: SeasonFault) throws {
        guard let published = try office.published() else { return }
        let editor = RoutesEditor(root: office.root)
        let catalog = office.catalog
        let upcoming = PlanVisitList(published.document).entries.filter {
            $0.day > day && $0.day <= day.adding(days: 6)
        }
        let soon = upcoming.randomElement(using: &random)
        let line = soon?.route ?? catalog.routes.randomElement(using: &random)?.id ?? ""
        let closed = soon?.day ?? day.adding(days: 2)
        var what = "nothing to change"
        switch fault {
        case .siteClosure:
            let site = soon?.site ?? catalog.route(withID: line)?.sites.first?.id ?? ""
            try editor.close(site: site, of: line, on: closed)
            what = "\(site) closed on \(closed)"
        case .holiday:
            try editor.addHoliday(closed, to: line)
            what = "\(closed) a holiday on \(line)"
        case .callOut:
            let team = catalog.route(withID: line)?.teamID ?? ""
            let days = Int.random(in: 1...2, using: &random)
            for offset in 0..<days { try editor.callOut(team: team, on: closed.adding(days: offset)) }
            what = "\(team) called out from \(closed) for \(days) day\(days == 1 ? "" : "s")"
        case .addedVehicle:
            guard let route = catalog.routes.randomElement(using: &random),
                let site = route.sites.randomElement(using: &random)
            else { break }
            let vehicle = "V-ADDED-\(step)"
            let equipment = CatalogGenerator.equipmentMixes.randomElement(using: &random) ?? ["ups"]
            try editor.add(vehicle: vehicle, equipment: equipment, at: site.id, of: route.id)
            what = "\(vehicle) added at \(site.id)"
        case .removedVehicle:
            guard let vehicle = try untouchedVehicle(published) else { break }
            try editor.remove(vehicle: vehicle.vehicle, of: vehicle.route)
            what = "\(vehicle.vehicle) removed from \(vehicle.route)"
        }
        outcome.faults.append("\(day) \(fault.rawValue): \(what)")
        try office.reload()
        try replan()
    }

    /// A vehicle no database has results for and whose visit is still to come: one the office may remove without
    /// trapping work on a laptop.
    private mutating func untouchedVehicle(_ published: PublishedPlan) throws -> PlanVisitList.Entry? {
        var candidates: [PlanVisitList.Entry] = []
        let catalog = office.catalog
        // A site keeps at least one vehicle: Routes/ does not allow a site without.
        for entry in PlanVisitList(published.document).entries
        where entry.day > day && (catalog.placement(ofVehicle: entry.vehicle)?.site.vehicles.count ?? 0) > 1 {
            let stores = [office.store] + laptops.map(\.store)
            if try stores.allSatisfy({ try $0.results(ofVehicle: entry.vehicle).isEmpty }) { candidates.append(entry) }
        }
        return candidates.randomElement(using: &random)
    }
}
