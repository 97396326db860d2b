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

    /// Where a site is, for people: its address, else its city.
    func address(ofSite id: String) -> String? {
        catalog.site(withID: id).flatMap { $0.address ?? $0.city }.map { $0.text(in: language) }
    }

    /// Whom to call at a site: its own contact, else its client's.
    func contact(ofSite id: String) -> Contact? {
        guard let site = catalog.site(withID: id) else { return nil }
        return site.contact ?? catalog.client(withID: site.clientID)?.contact
    }

    func client(_ id: String) -> String {
        catalog.client(withID: id)?.name.text(in: language) ?? id
    }

    func team(_ id: String) -> String {
        catalog.team(withID: id)?.name.text(in: language) ?? id
    }

    private var messages: Messages { Messages(language) }

    /// Why a working day has no work, in words.
    func idle(_ reason: IdleReason, team: String) -> String {
        switch reason {
        case .holiday: return messages("idle.holiday")
        case .teamUnavailable: return messages("idle.team-unavailable", team)
        case .siteClosed(let site): return messages("idle.site-closed", place(site, team: team))
        case .appointment(let site, let at):
            return messages("idle.appointment", place(site, team: team), at.day.description, PlaceNames.clock(at))
        case .waiting(let site):
            return site.map { messages("idle.waiting-for", place($0, team: team)) } ?? messages("idle.waiting")
        }
    }

    /// `12.3 公里` or `12.3 km`, in the reader's language.
    func distance(_ km: Double) -> String {
        messages("unit.km", PlaceNames.tenths(km))
    }

    /// `45 分钟` or `45 min`, in the reader's language.
    func duration(minutes: Int) -> String {
        messages("unit.minutes", String(minutes))
    }

    /// `12.3 km`.
    static func km(_ value: Double) -> String {
        tenths(value) + " km"
    }

    /// `12.3`: a distance to a tenth of a kilometre.
    static func tenths(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// `08:30`.
    static func clock(_ moment: LocalDateTime) -> String {
        DailyHours.clock(moment.minuteOfDay)
    }
}
