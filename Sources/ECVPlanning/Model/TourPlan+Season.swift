import ECVModel
import Foundation

extension TourPlan {
    /// The days the tour's teams are out, from the first departure to the last return (of `team`'s lines
    /// when given); `nil` when no line has a stop.
    public func span(team: String? = nil) -> ClosedRange<CalendarDay>? {
        let lines = routes.filter { !$0.stops.isEmpty && (team == nil || $0.team == team) }
        guard let first = lines.map(\.depart.day).min(), let last = lines.map(\.returnTime.day).max(),
            first <= last
        else { return nil }
        return first...last
    }

    /// The start of the season the plan covers: its earliest departure; `nil` for a plan without lines.
    ///
    /// Results recorded before it belong to the previous season.
    public var seasonStart: Date? {
        routes.compactMap { ISOTime.date($0.depart, timeZone: $0.timeZone) }.min()
    }
}
