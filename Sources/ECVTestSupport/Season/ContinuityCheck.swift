import ECVModel
import ECVPlanning

/// Teams go on from where they are: a team that the previous published plan has away from base when the replan day
/// begins — at a site, or on a drive begun earlier — is in the same place in the new plan, never back at base.
public struct ContinuityCheck {
    /// The plan published before the replan, as stored.
    public var previous: PlanDocument
    /// The replan's day: where each team is when it begins is compared.
    public var from: CalendarDay

    /// The check of a replan from `from` against `previous`.
    public init(previous: PlanDocument, from: CalendarDay) {
        self.previous = previous
        self.from = from
    }

    /// Where a team is when a day begins, by its route's plan.
    enum Position: Equatable, CustomStringConvertible {
        case notLeft
        case atSite(String)
        /// On a drive that left `from` at `depart` (ISO text as planned).
        case driving(from: String, depart: String)
        case home

        var description: String {
            switch self {
            case .notLeft: return "not yet left base"
            case .atSite(let site): return "at \(site)"
            case .driving(let from, let depart): return "on the drive from \(from) that left \(depart)"
            case .home: return "back at base"
            }
        }
    }

    /// The teams that `next` has somewhere else than `previous` when the replan's day begins.
    public func breaches(in next: PlanDocument) -> [InvariantBreach] {
        var breaches: [InvariantBreach] = []
        for route in previous.routes {
            let before = Self.position(of: route, at: from)
            switch before {
            case .atSite, .driving: breaches += compare(route, before, next)
            case .notLeft, .home: continue
            }
        }
        return breaches
    }

    private func compare(_ route: PlanDocument.Route, _ before: Position, _ next: PlanDocument) -> [InvariantBreach] {
        let after = next.routes.first { $0.route == route.route }.map { Self.position(of: $0, at: from) } ?? .notLeft
        guard after != before else { return [] }
        return [
            InvariantBreach(
                .teamsContinue, "\(route.team) is \(before) when \(from) begins, but the new plan has it \(after)")
        ]
    }

    /// Where the team of `route` is at the start of `day`.
    static func position(of route: PlanDocument.Route, at day: CalendarDay) -> Position {
        let start = PlanChecker.absolute((day, 0))
        func minute(_ text: String) -> Int { PlanChecker.moment(text).map(PlanChecker.absolute) ?? Int.max }
        guard let last = route.legs.last(where: { minute($0.depart) < start }) else { return .notLeft }
        if minute(last.arrive) > start { return .driving(from: last.from, depart: last.depart) }
        return last.to == "base" ? .home : .atSite(last.to)
    }
}
