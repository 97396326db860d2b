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

    /// The words in English, as plans have always stored them.
    public var description: String {
        message.text(Messages(.en))
    }

    /// The catalogue's message for the reason, to be said in the reader's language.
    public var message: MessageText {
        switch self {
        case .missingSkills(let missing, let team):
            return MessageText("plan.unscheduled.missing-skills", [missing.joined(separator: ", "), team])
        case .overCapacity(let team): return MessageText("plan.unscheduled.over-capacity", [team])
        case .noCommonHours(let hours): return MessageText("plan.unscheduled.no-common-hours", [hours.description])
        case .longerThanADay(let minutes, let hours):
            return MessageText(
                "plan.unscheduled.longer-than-a-day", [String(minutes), hours.description, String(hours.minutes)])
        case .noWorkingDayLeft(let route, let from):
            return MessageText("plan.unscheduled.no-working-day-left", [route, from.description])
        case .teamHome(let team, let day):
            return MessageText("plan.unscheduled.team-home", [team, day?.description ?? ""])
        case .siteAlwaysClosed(let route): return MessageText("plan.unscheduled.site-always-closed", [route])
        case .appointmentPassed(let appointment, let site):
            return MessageText("plan.unscheduled.appointment-passed", [appointment, site])
        case .appointmentNotKept(let appointment, let site):
            return MessageText("plan.unscheduled.appointment-not-kept", [appointment, site])
        case .followsAppointment(let appointment, let site):
            return MessageText("plan.unscheduled.follows-appointment", [appointment, site])
        case .tooFar(let end): return MessageText("plan.unscheduled.too-far", [end.description])
        case .noRoom(let team, let end): return MessageText("plan.unscheduled.no-room", [team, end.description])
        }
    }
}
