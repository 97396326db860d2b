import ECVModel
import ECVPlanning

/// Places and clients of a plan as people name them: a team's base by its name, a site with its city.
struct PlaceNames {
    let catalog: Catalog
    let language: Language

    /// `base` as the team's base name, a site id with its city: `dl-fire-1 (Dalian)`.
    func place(_ id: String, team: String) -> String {
        guard id != "base" else {
            return catalog.team(withID: team)?.base.name.text(in: language) ?? "base"
        }
        let site = catalog.site(withID: id)
        return site?.city.map { "\(id) (\($0.text(in: language)))" } ?? id
    }

    func client(_ id: String) -> String {
        catalog.client(withID: id)?.name.text(in: language) ?? id
    }

    func team(_ id: String) -> String {
        catalog.team(withID: id)?.name.text(in: language) ?? id
    }

    /// Why a working day has no work, in words.
    func idle(_ reason: IdleReason, team: String) -> String {
        switch reason {
        case .holiday: return "holiday"
        case .teamUnavailable: return "\(team) is off the tour (unavailable)"
        case .siteClosed(let site): return "\(place(site, team: team)) is closed on this day"
        case .appointment(let site, let at):
            return "waiting for the appointment at \(place(site, team: team)) on \(at.day) \(PlaceNames.clock(at))"
        case .waiting(let site): return site.map { "waiting to visit \(place($0, team: team))" } ?? "waiting"
        }
    }

    /// `12.3 km`.
    static func km(_ value: Double) -> String {
        String(format: "%.1f km", value)
    }

    /// `08:30`.
    static func clock(_ moment: LocalDateTime) -> String {
        DailyHours.clock(moment.minuteOfDay)
    }
}
