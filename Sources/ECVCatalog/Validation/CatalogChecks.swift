import ECVModel

/// The checks that need more than one file: references, overlaps, appointments, and the warnings that
/// point at data which is valid but probably not what the office meant.
struct CatalogChecks {
    let catalog: Catalog
    let map: SourceMap
    let sink: DiagnosticSink
    /// False when teams.yaml or clients.yaml could not be read, so references into it are not judged.
    let teamsReadable: Bool
    let clientsReadable: Bool
    /// True when `Routes/tags.yaml` was read: then every tag in use must be one of its tags.
    let tagsRead: Bool
    /// False when a checklist or route file could not be read: then "no vehicle has this tag" and "no
    /// item applies" would blame data that is merely unread.
    let everythingReadable: Bool

    func run() {
        checkReferences()
        checkTeamCalendars()
        for route in catalog.routes {
            for site in route.sites {
                checkAppointment(at: site, on: route)
                checkVisitingHours(at: site, on: route)
            }
        }
        checkSkills()
        if tagsRead { checkTagVocabulary() }
        if everythingReadable { checkEquipmentTags() }
    }

    private func checkReferences() {
        let teamIDs = catalog.teams.map(\.id)
        let clientIDs = catalog.clients.map(\.id)
        for route in catalog.routes {
            if teamsReadable, !teamIDs.contains(route.teamID), let location = map[.routeTeam(route.id)] {
                sink.error(
                    "route `\(route.id)` names unknown team `\(route.teamID)`"
                        + Suggestion.hint(for: route.teamID, among: teamIDs), at: location)
            }
            for site in route.sites where clientsReadable && !clientIDs.contains(site.clientID) {
                guard let location = map[.siteClient(site.id)] else { continue }
                sink.error(
                    "site `\(site.id)` names unknown client `\(site.clientID)`"
                        + Suggestion.hint(for: site.clientID, among: clientIDs), at: location)
            }
        }
    }

    /// One team drives one line at a time.
    private func checkTeamCalendars() {
        let byTeam = Dictionary(grouping: catalog.routes, by: \.teamID)
        for routes in byTeam.values {
            let ordered = routes.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.start <= earlier.end {
                guard let location = map[.routeStart(later.id)] else { continue }
                sink.error(
                    "route `\(later.id)` starts on \(later.start), while team `\(later.teamID)` is still on route "
                        + "`\(earlier.id)` (\(earlier.start) to \(earlier.end))", at: location)
            }
        }
    }

    private func checkAppointment(at site: Site, on route: Route) {
        guard let appointment = site.appointment, let location = map[.siteAppointment(site.id)] else { return }
        let day = appointment.day
        let problem: String?
        if day < route.start || day > route.end {
            problem = "is outside route `\(route.id)` (\(route.start) to \(route.end))"
        } else if route.holidays.contains(day) {
            problem = "falls on a holiday"
        } else if !route.workdays.contains(day.weekday) {
            problem = "falls on a \(day.weekday.name), not a workday of route `\(route.id)`"
        } else if site.unavailable.contains(day) {
            problem = "falls on a day the site is unavailable"
        } else if !(site.openDays ?? route.workdays).contains(day.weekday) {
            problem = "falls on a \(day.weekday.name), when the site is closed"
        } else if let hours = route.visitingHours(at: site), !hours.contains(minute: appointment.minuteOfDay) {
            problem = "is outside the visiting hours \(hours)"
        } else {
            problem = nil
        }
        if let problem {
            sink.error("appointment \(appointment) at site `\(site.id)` \(problem)", at: location)
        }
    }

    /// Warns where no day can hold a vehicle's visit, which the planner would only report much later.
    private func checkVisitingHours(at site: Site, on route: Route) {
        guard let location = map[.site(site.id)] else { return }
        guard let hours = route.visitingHours(at: site) else {
            sink.warning(
                "site `\(site.id)` is open \(site.openHours?.description ?? "") outside the work hours "
                    + "\(route.workHours) of route `\(route.id)`: no visit can take place", at: location)
            return
        }
        for vehicle in site.vehicles {
            let minutes = catalog.checklists.serviceMinutes(for: vehicle, setupMinutes: route.setupMinutes)
            if minutes > hours.minutes, let vehicleLocation = map[.vehicle(vehicle.id)] {
                sink.warning(
                    "vehicle `\(vehicle.id)` needs \(minutes) min but a day at site `\(site.id)` has only "
                        + "\(hours.minutes) min (\(hours))", at: vehicleLocation)
            }
        }
    }

    private func checkSkills() {
        let skillNames = catalog.skillNames
        for placement in catalog.placements {
            guard let team = catalog.team(withID: placement.route.teamID) else { continue }
            let vehicle = placement.vehicle
            for skill in vehicle.requiredSkills(among: skillNames) where !team.skills.contains(skill) {
                guard let location = map[.vehicleTag(vehicle: vehicle.id, tag: skill)] else { continue }
                sink.warning(
                    "vehicle `\(vehicle.id)` needs skill `\(skill)`, which team `\(team.id)` of route "
                        + "`\(placement.route.id)` lacks", at: location)
            }
        }
    }

    /// A tag outside the vocabulary is a typo until the vocabulary says otherwise: a misspelt `applies-to` or
    /// `equipment` tag would silently leave items out of a vehicle's checklist.
    private func checkTagVocabulary() {
        let known = Set(catalog.tags.map(\.id))
        let file = "\(CatalogLoader.routesFolder)/\(CatalogLoader.tagsFile)"
        for vehicle in catalog.placements.map(\.vehicle) {
            for tag in vehicle.equipment where !known.contains(tag) {
                guard let location = map[.vehicleTag(vehicle: vehicle.id, tag: tag)] else { continue }
                sink.error(
                    "equipment tag `\(tag)` of vehicle `\(vehicle.id)` is not in \(file)"
                        + Suggestion.hint(for: tag, among: known), at: location)
            }
        }
        for item in catalog.checklists.flatMap(\.items) {
            for tag in item.appliesTo ?? [] where !known.contains(tag) {
                guard let location = map[.itemTag(item: item.fullID, tag: tag)] else { continue }
                sink.error(
                    "applies-to tag `\(tag)` of item `\(item.fullID)` is not in \(file)"
                        + Suggestion.hint(for: tag, among: known), at: location)
            }
        }
    }

    private func checkEquipmentTags() {
        let placements = catalog.placements
        let tagsInUse = Set(placements.flatMap(\.vehicle.equipment))
        let items = catalog.checklists.flatMap(\.items)
        for item in items {
            for tag in item.appliesTo ?? [] where !tagsInUse.contains(tag) {
                guard let location = map[.itemTag(item: item.fullID, tag: tag)] else { continue }
                sink.warning(
                    "applies-to tag `\(tag)` of item `\(item.fullID)` is on no vehicle"
                        + Suggestion.hint(for: tag, among: tagsInUse), at: location)
            }
        }
        for vehicle in placements.map(\.vehicle) {
            if !catalog.checklists.isEmpty, !items.contains(where: { $0.applies(to: vehicle) }),
                let location = map[.vehicle(vehicle.id)]
            {
                sink.warning("no checklist item applies to vehicle `\(vehicle.id)`", at: location)
            }
        }
    }
}
