import ECVModel
import ECVPlanning
import Foundation

/// The published plan as the web form shows it, day by day: which days have work, and each team's day with
/// every name already in the reader's language — the form needs no planning code of its own.
public struct PublishedAgenda: Sendable {
    /// The published plan's version.
    public let version: Int
    let plan: TourPlan
    let catalog: Catalog

    /// The agenda of `stored`, the published plan as `StoredPlan` read it.
    public init(_ stored: StoredPlan, catalog: Catalog) {
        version = stored.version
        plan = stored.plan
        self.catalog = catalog
    }

    /// The first and last day any team of the plan is out.
    public var span: ClosedRange<CalendarDay>? { plan.span() }

    /// Today in China at `now`.
    public static func today(at now: Date) -> CalendarDay { ISOTime.today(at: now) }

    /// The nearest day after (`step` 1) or before (`step` -1) `day` with work for `team` (any team when nil).
    public func dayWithWork(from day: CalendarDay, step: Int, team: String?) -> CalendarDay? {
        guard let span else { return nil }
        var next = day.adding(days: step)
        while span.contains(next) {
            if plan.days(on: next, team: team, catalog: catalog).contains(where: { !$0.entries.isEmpty }) {
                return next
            }
            next = next.adding(days: step)
        }
        return nil
    }

    /// Each team's `day` (one team's when `team` is given), in `language`.
    public func teams(on day: CalendarDay, team: String?, language: Language) -> [AgendaTeam] {
        let names = PlaceNames(catalog: catalog, language: language)
        let messages = Messages(language)
        return plan.days(on: day, team: team, catalog: catalog).map { teamDay in
            var lastSite: String?
            return AgendaTeam(
                team: teamDay.team, teamName: names.team(teamDay.team), route: teamDay.route,
                idle: teamDay.idle.map { names.idle($0, team: teamDay.team) },
                entries: teamDay.entries.map { entry in
                    defer { if entry.kind == .visit { lastSite = entry.site } }
                    return AgendaEntry(
                        entry, team: teamDay.team, names: names, messages: messages, catalog: catalog,
                        newSite: entry.kind == .visit && entry.site != lastSite)
                })
        }
    }
}

/// One team's day, names resolved.
public struct AgendaTeam: Sendable, Equatable {
    /// The team's id.
    public var team: String
    /// The team's name in the reader's language.
    public var teamName: String
    /// The line it works on.
    public var route: String
    /// Why a working day has no work.
    public var idle: String?
    /// Its drives, visits and night, in time order.
    public var entries: [AgendaEntry]
}

/// A drive, a visit or the night, names resolved; fields that do not apply are nil.
public struct AgendaEntry: Sendable, Equatable {
    /// A drive, a visit or the night.
    public var kind: TeamDay.Entry.Kind
    /// `08:30`.
    public var start: String
    /// `17:00`.
    public var end: String
    /// Where a drive starts, by name.
    public var from: String?
    /// Where a drive ends, by name.
    public var to: String?
    /// `12.3 km` in the reader's words.
    public var distance: String?
    /// `1/2`: this day's part of a drive over two days.
    public var part: String?
    /// A visit's site, or where the team sleeps, by name.
    public var site: String?
    /// The site's address, given only for the first visit of a run at one site.
    public var address: String?
    /// Whom to call at the site.
    public var contact: Contact?
    /// A visit's vehicle.
    public var vehicle: String?
    /// The vehicle's make and model.
    public var model: String?
    /// A visit's client organisation, by name.
    public var client: String?
    /// A visit's planned minutes.
    public var minutes: Int?
    /// Whether the visit keeps an appointment.
    public var fixed = false
    /// `recheck` or `completion`; nil for a full inspection.
    public var purpose: String?
    /// Whether the night is spent on the road between two places.
    public var onTheRoad = false

    init(
        _ entry: TeamDay.Entry, team: String, names: PlaceNames, messages: Messages, catalog: Catalog, newSite: Bool
    ) {
        kind = entry.kind
        start = PlaceNames.clock(entry.start)
        end = PlaceNames.clock(entry.end)
        from = entry.from.map { names.place($0, team: team) }
        to = entry.to.map { names.place($0, team: team) }
        distance = entry.km.map { messages("unit.km", String(format: "%.1f", $0)) }
        part = entry.part?.description
        onTheRoad = entry.isOnTheRoad
        switch entry.kind {
        case .visit:
            site = entry.site
            if newSite, let id = entry.site {
                address = names.address(ofSite: id)
                contact = names.contact(ofSite: id)
            }
            vehicle = entry.vehicle
            model = entry.vehicle.flatMap { catalog.placement(ofVehicle: $0)?.vehicle.model }
            client = entry.client.map(names.client)
            minutes = entry.minutes
            fixed = entry.fixed
            purpose = entry.purpose.flatMap { $0 == .inspection ? nil : $0.rawValue }
        case .overnight:
            site = entry.site.map { names.place($0, team: team) }
        case .drive:
            break
        }
    }
}
