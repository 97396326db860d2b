import ECVModel
import ECVRouting

/// Words for why a vehicle is left out, from the engine's reason and a look at the vehicle's site,
/// route and team.
struct UnscheduledReasons {
    let model: TourModel

    /// Why a vehicle that follows an appointment is left out with it.
    static func missedAppointment(_ site: Site) -> String {
        "the appointment \(site.appointment?.description ?? "") at \(site.id) cannot be kept, and the site's other "
            + "vehicles follow it"
    }

    /// Whether more working days on the job's line might fit it: the engine found no room, or no time to reach
    /// the site and return, and no appointment stands in the way.
    func isForLackOfTime(_ job: Int, _ engineReason: UnassignedReason) -> Bool {
        guard model.appointment(keptBy: job) == nil else { return false }
        switch engineReason {
        case .noRoom: return true
        case .noReachableWindow: return reason(for: job, engineReason).hasPrefix("does not fit before")
        case .missingSkills, .exceedsCapacity: return false
        }
    }

    /// Why a team back at its base takes no more vehicles.
    private static func home(_ team: String, _ prefix: RoutePrefix) -> String {
        "\(team) drove home on \(prefix.legs.last?.depart.day.description ?? ""); a second trip is not planned"
    }

    func reason(for job: Int, _ engineReason: UnassignedReason) -> String {
        let placement = model.jobs[job]
        let own = model.routes.firstIndex { $0.id == placement.route.id } ?? 0
        let route = model.routes[own]
        let team = model.teams[own]
        let minutes = model.serviceMinutes[job][own]
        let missedAppointment = model.appointment(keptBy: job).map { appointment in
            if let from = model.resumeDay, appointment.day < from {
                return "the appointment \(appointment) at \(placement.site.id) has passed; agree a new one"
            }
            return "cannot keep the appointment \(appointment) at \(placement.site.id)"
        }
        switch engineReason {
        case .missingSkills:
            let needed = placement.vehicle.requiredSkills(among: Set(model.skillNames))
            let missing = needed.filter { !team.skills.contains($0) }
            return "needs \(missing.joined(separator: ", ")), \(team.id) lacks it"
        case .exceedsCapacity:
            return "exceeds what \(team.id) can carry"
        case .noReachableWindow:
            guard let hours = route.visitingHours(at: placement.site) else {
                return "site hours do not overlap the work hours \(route.workHours)"
            }
            if hours.minutes < minutes {
                return "needs \(minutes) min but the site's visiting hours \(hours) allow \(hours.minutes) min a day"
            }
            if let from = model.resumeDay, !model.clocks[own].days.contains(where: { $0 >= from }) {
                return "route \(route.id) has no working day left on or after \(from)"
            }
            if let prefix = model.prefixes[own], prefix.isHome { return Self.home(team.id, prefix) }
            if let from = model.resumeDay, model.startMinutes[own] >= model.clocks[own].horizon {
                return "route \(route.id) has no working day left on or after \(from)"
            }
            if !model.clocks[own].days.contains(where: { route.isOpen(placement.site, on: $0) }) {
                return "site closed on every working day of route \(route.id)"
            }
            if let missedAppointment { return missedAppointment }
            return "does not fit before \(route.end): too far to reach and return in time"
        case .noRoom:
            if let prefix = model.prefixes[own], prefix.isHome,
                model.clocks[own].days.contains(where: { $0 >= model.resumeDay ?? $0 })
            {
                return Self.home(team.id, prefix)
            }
            if let missedAppointment { return missedAppointment }
            return "no room left in \(team.id)'s tour before \(route.end)"
        }
    }
}
