import ECVModel

/// Why a vehicle is left out of a plan: a value the planner decides with, and the words the plan stores.
///
/// The stored plan keeps the words (`reason` of an unscheduled vehicle in `ecv-plan/1`), so that a plan reads back
/// the same whatever release wrote it; the planner compares values, never words.
public enum UnscheduledReason: Sendable, Equatable, CustomStringConvertible {
    /// The vehicle needs skills its line's team lacks.
    case missingSkills(missing: [String], team: String)
    /// The vehicle needs more than the team can carry.
    case overCapacity(team: String)
    /// The site's visiting hours and the line's work hours do not overlap.
    case noCommonHours(workHours: DailyHours)
    /// The visit takes longer than the site's visiting hours allow in a day.
    case longerThanADay(minutes: Int, hours: DailyHours)
    /// A re-plan from `from` finds no working day left on the line.
    case noWorkingDayLeft(route: String, from: CalendarDay)
    /// The team's drive home began before the re-plan; no second trip is planned.
    case teamHome(team: String, since: CalendarDay?)
    /// The site is closed on every working day of the line.
    case siteAlwaysClosed(route: String)
    /// The site's appointment lies before the re-plan day.
    case appointmentPassed(appointment: String, site: String)
    /// The site's appointment cannot be kept.
    case appointmentNotKept(appointment: String, site: String)
    /// A vehicle of a site whose appointed first visit cannot take place.
    case followsAppointment(appointment: String, site: String)
    /// Too far to reach the site and return before the line's end.
    case tooFar(end: CalendarDay)
    /// The team's tour has no room left before the line's end.
    case noRoom(team: String, end: CalendarDay)

    /// Whether more working days on the line might fit the vehicle (the capacity advice looks at these).
    public var isForLackOfTime: Bool {
        switch self {
        case .tooFar, .noRoom: return true
        default: return false
        }
    }

    /// The reason in the words of the plan's output.
    public var description: String {
        switch self {
        case .missingSkills(let missing, let team): return "needs \(missing.joined(separator: ", ")), \(team) lacks it"
        case .overCapacity(let team): return "exceeds what \(team) can carry"
        case .noCommonHours(let hours): return "site hours do not overlap the work hours \(hours)"
        case .longerThanADay(let minutes, let hours):
            return "needs \(minutes) min but the site's visiting hours \(hours) allow \(hours.minutes) min a day"
        case .noWorkingDayLeft(let route, let from): return "route \(route) has no working day left on or after \(from)"
        case .teamHome(let team, let day):
            return "\(team) drove home on \(day?.description ?? ""); a second trip is not planned"
        case .siteAlwaysClosed(let route): return "site closed on every working day of route \(route)"
        case .appointmentPassed(let appointment, let site):
            return "the appointment \(appointment) at \(site) has passed; agree a new one"
        case .appointmentNotKept(let appointment, let site):
            return "cannot keep the appointment \(appointment) at \(site)"
        case .followsAppointment(let appointment, let site):
            return "the appointment \(appointment) at \(site) cannot be kept, and the site's other vehicles follow it"
        case .tooFar(let end): return "does not fit before \(end): too far to reach and return in time"
        case .noRoom(let team, let end): return "no room left in \(team)'s tour before \(end)"
        }
    }
}
