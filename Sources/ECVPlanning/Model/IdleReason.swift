import ECVModel

/// Why a working day of a line, between the team's departure and return, has neither a drive nor a visit.
public enum IdleReason: Sendable, Equatable {
    case holiday
    /// The team is off the tour that day (its `unavailable` days).
    case teamUnavailable
    /// The next site to visit does not receive visitors that day.
    case siteClosed(site: String)
    /// The next visit keeps an appointment on a later day.
    case appointment(site: String, at: LocalDateTime)
    /// The planner found nothing better to do before the next visit.
    case waiting(site: String?)
}

extension RoutePlan {
    /// Why `day` is idle on this route, or `nil` when the team works or drives then, is home, or the day is not
    /// a workday of `line`.
    public func idleReason(on day: CalendarDay, line: Route, catalog: Catalog) -> IdleReason? {
        guard !stops.isEmpty, depart.day < day, day < returnTime.day, line.workdays.contains(day.weekday),
            !stops.contains(where: { $0.visits.contains { $0.start.day == day } }),
            !legs.contains(where: { $0.stretches.contains { $0.start.day == day } })
        else { return nil }
        if line.holidays.contains(day) { return .holiday }
        if line.teamUnavailable.contains(day) { return .teamUnavailable }
        guard let next = stops.first(where: { $0.visits.contains { $0.start.day > day } }),
            let site = catalog.site(withID: next.site)
        else { return .waiting(site: nil) }
        if !line.isOpen(site, on: day) { return .siteClosed(site: next.site) }
        if let fixed = next.visits.first(where: { $0.fixed && $0.start.day > day }) {
            return .appointment(site: next.site, at: fixed.start)
        }
        return .waiting(site: next.site)
    }
}
