import ECVModel
import ECVPlanning
import Foundation

extension SeasonRun {
    /// The invariants of a plan just published: the independent checker, every vehicle in one place, counts equal
    /// across outputs, report dates; and against the plan it replaced, the past fixed and teams continuing.
    mutating func checkPlan(
        _ published: PublishedPlan, previous: PublishedPlan?, board: [BoardRow]? = nil,
        ready: [String: CalendarDay] = [:]
    ) throws {
        let catalog = office.catalog
        let board = try board ?? office.store.board(catalog)
        let needs = VehicleNeed.of(board)
        let from = previous == nil ? nil : day
        var checker = PlanChecker(catalog: catalog)
        if from != nil {
            checker.ready = ready
            for row in board {
                guard case .visit(let purpose) = needs[row.vehicle] ?? .done else {
                    checker.needs[row.vehicle] = .done
                    continue
                }
                guard purpose != .inspection else { continue }
                let items = Set((row.verdict.failed + row.verdict.untested).map(\.itemID))
                let minutes = catalog.placement(ofVehicle: row.vehicle).map { placement in
                    catalog.items(applyingTo: placement.vehicle).filter { items.contains($0.fullID) }
                        .reduce(0) { $0 + $1.minutes }
                }
                checker.needs[row.vehicle] = .partial(purpose, itemMinutes: minutes ?? 0)
            }
        }
        report(
            checker.check(json: published.json).map {
                InvariantBreach(.planChecker, "plan \(published.version): \($0)")
            })
        report(PlacementCheck(catalog: catalog, needs: needs, from: from).breaches(json: published.json))
        report(CountsCheck(catalog: catalog, board: board).breaches(json: published.json))
        if let previous, let from {
            report(PastCheck(previous: previous.document, from: from).breaches(in: published.document))
            report(ContinuityCheck(previous: previous.document, from: from).breaches(in: published.document))
        }
        report(
            try ReportDateCheck(catalog: catalog, day: day).breaches(
                plan: published.plan, version: published.version, board: board))
    }
}
