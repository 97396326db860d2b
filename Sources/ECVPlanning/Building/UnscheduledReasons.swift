import ECVModel
import ECVRouting

/// Why a vehicle is left out (`UnscheduledReason`), from the engine's reason and a look at the vehicle's site,
/// route and team.
struct UnscheduledReasons {
    let model: TourModel

    /// Why a vehicle that follows an appointment is left out with it.
    static func missedAppointment(_ site: Site) -> UnscheduledReason {
        .followsAppointment(appointment: site.appointment?.description ?? "", site: site.id)
    }

    /// Whether more working days on the job's line might fit it, given `reason`, the job's `reason(for:_:)`: the
    /// engine found no room, or the reason is time-short (`UnscheduledReason.isForLackOfTime`), and no
    /// appointment stands in the way.
    func isForLackOfTime(_ job: Int, _ engineReason: UnassignedReason, reason: UnscheduledReason) -> Bool {
        guard model.appointment(keptBy: job) == nil else { return false }
        // No room at all counts whatever the words, also for a team whose drive home began.
        if case .noRoom = engineReason { return true }
        return reason.isForLackOfTime
    }

    /// Why a team back at its base takes no more vehicles.
    private static func home(_ team: String, _ prefix: RoutePrefix) -> UnscheduledReason {
        .teamHome(team: team, since: prefix.legs.last?.depart.day)
    }

    func reason(for job: Int, _ engineReason: UnassignedReason) -> UnscheduledReason {
        let placement = model.jobs[job]
        let own = model.lines.firstIndex { $0.route.id == placement.route.id } ?? 0
        let line = model.lines[own]
        let route = line.route
        let team = line.team
        let minutes = model.serviceMinutes[job][own]
        let missedAppointment = model.appointment(keptBy: job).map { appointment -> UnscheduledReason in
            if let from = model.resumeDay, appointment.day < from {
                return .appointmentPassed(appointment: appointment.description, site: placement.site.id)
            }
            return .appointmentNotKept(appointment: appointment.description, site: placement.site.id)
        }
        switch engineReason {
        case .missingSkills:
            let needed = placement.vehicle.requiredSkills(among: Set(model.skillNames))
            let missing = needed.filter { !team.skills.contains($0) }
            return .missingSkills(missing: missing, team: team.id)
        case .exceedsCapacity:
            return .overCapacity(team: team.id)
        case .noReachableWindow:
            guard let hours = route.visitingHours(at: placement.site) else {
                return .noCommonHours(workHours: route.workHours)
            }
            if hours.minutes < minutes {
                return .longerThanADay(minutes: minutes, hours: hours)
            }
            if let from = model.resumeDay, !line.clock.days.contains(where: { $0 >= from }) {
                return .noWorkingDayLeft(route: route.id, from: from)
            }
            if let prefix = line.prefix, prefix.isHome { return Self.home(team.id, prefix) }
            if let from = model.resumeDay, line.startMinute >= line.clock.horizon {
                return .noWorkingDayLeft(route: route.id, from: from)
            }
            if !line.clock.days.contains(where: { route.isOpen(placement.site, on: $0) }) {
                return .siteAlwaysClosed(route: route.id)
            }
            if let missedAppointment { return missedAppointment }
            return .tooFar(end: route.end)
        case .noRoom:
            if let prefix = line.prefix, prefix.isHome,
                line.clock.days.contains(where: { $0 >= model.resumeDay ?? $0 })
            {
                return Self.home(team.id, prefix)
            }
            if let missedAppointment { return missedAppointment }
            return .noRoom(team: team.id, end: route.end)
        }
    }
}
