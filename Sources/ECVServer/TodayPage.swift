import ECVModel
import ECVReports
import Foundation

/// The teams' day from the published plan: drives, visits with client, address and contact, the night;
/// links to the previous and next day and to the nearest days with work.
struct TodayPage {
    let catalog: Catalog
    let page: WebPage

    /// The page for `day`.
    ///
    /// `agenda` nil: no plan is published. `differing`: input files that differ from the plan's.
    func render(_ agenda: PublishedAgenda?, day: CalendarDay, team: String?, differing: [String]) throws -> String {
        let messages = page.messages
        var view = TodayView(
            date: day.description, heading: messages("web.today.title", day.description, messages.weekday(day.weekday)),
            previousHref: href(day.adding(days: -1), team: team), nextHref: href(day.adding(days: 1), team: team),
            teamChoices: catalog.teams.map { candidate in
                TodayView.TeamChoice(
                    id: candidate.id, name: messages.text(candidate.name), selected: candidate.id == team)
            })
        if !differing.isEmpty { view.differs = messages("web.today.differs", differing.joined(separator: ", ")) }
        guard let agenda else {
            view.noPlan = true
            return try page.render("web-today", title: messages("web.nav.today"), view)
        }
        view.version = messages("web.today.planVersion", "\(agenda.version)")
        if let span = agenda.span {
            if day < span.lowerBound { view.notice = messages("web.today.before", span.lowerBound.description) }
            if day > span.upperBound { view.notice = messages("web.today.after", span.upperBound.description) }
        }
        if let next = agenda.dayWithWork(from: day, step: 1, team: team) {
            view.nextWork = .init(href: href(next, team: team), text: messages("web.today.nextWork", next.description))
        }
        if let previous = agenda.dayWithWork(from: day, step: -1, team: team) {
            view.previousWork = .init(
                href: href(previous, team: team), text: messages("web.today.previousWork", previous.description))
        }
        let teams = agenda.teams(on: day, team: team, language: page.language)
        view.teams = teams.map { teamDay in
            TodayView.TeamDay(
                team: teamDay.team, heading: messages("web.today.teamOnRoute", teamDay.teamName, teamDay.route),
                idle: teamDay.idle.map { messages("web.today.idle", $0) }?.nonEmpty,
                entries: teamDay.entries.map(entryView))
        }
        view.empty = teams.allSatisfy { $0.entries.isEmpty && $0.idle == nil }
        return try page.render("web-today", title: messages("web.nav.today"), view)
    }

    private func entryView(_ entry: AgendaEntry) -> TodayView.Entry {
        let messages = page.messages
        var view = TodayView.Entry(kind: entry.kind.rawValue, start: entry.start)
        switch entry.kind {
        case .drive:
            view.end = entry.end.nonEmpty
            view.kindWord = messages("web.today.drive")
            view.description =
                [
                    "\(entry.from ?? "") → \(entry.to ?? "")", entry.distance,
                    entry.part.map { messages("web.today.part", $0) },
                ].compactMap { $0 }.joined(separator: " · ").nonEmpty
        case .visit:
            view.end = entry.end.nonEmpty
            view.kindWord = messages("web.today.inspect")
            view.vehicle = entry.vehicle?.nonEmpty
            view.href = WebPath.vehicle(entry.vehicle ?? "")
            view.model = entry.model?.nonEmpty
            view.client = entry.client?.nonEmpty
            view.minutesWord = messages("unit.minutes", "\(entry.minutes ?? 0)")
            view.purposeWord = entry.purpose.map { messages("web.today.\($0)") }?.nonEmpty
            view.fixed = entry.fixed
            view.site = entry.site?.nonEmpty
            view.address = entry.address?.nonEmpty
            view.contact = entry.contact.map { contact in
                TodayView.Contact(
                    name: contact.name?.nonEmpty, phone: contact.phone?.nonEmpty, email: contact.email?.nonEmpty)
            }
        case .overnight:
            view.kindWord = messages("web.today.overnight")
            view.description =
                (entry.onTheRoad
                ? messages("web.today.onTheRoad", entry.from ?? "", entry.to ?? "") : entry.site ?? "").nonEmpty
        }
        return view
    }

    private func href(_ day: CalendarDay, team: String?) -> String {
        "/today?date=\(day)" + (team.map { "&team=\(WebPath.queryValue($0))" } ?? "")
    }
}

/// What the `web-today` template shows.
///
/// A text the template opens as a section is nil rather than empty: Mustache takes an empty text for true.
struct TodayView: Encodable {
    /// A team in the team picker.
    struct TeamChoice: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    /// A link to the nearest day with work.
    struct Link: Encodable {
        let href: String
        let text: String
    }

    /// One team's day: its heading, why it is idle, its drives, visits and night.
    struct TeamDay: Encodable {
        let team: String
        let heading: String
        let idle: String?
        let entries: [Entry]
    }

    /// A site's contact; each part only when the catalog gives it.
    struct Contact: Encodable {
        let name: String?
        let phone: String?
        let email: String?
    }

    /// A drive, a visit or the night; only a visit has a vehicle, and only the first visit of a run at one
    /// site its address and contact.
    struct Entry: Encodable {
        let kind: String
        let start: String
        var end: String?
        var kindWord = ""
        var description: String?
        var vehicle: String?
        var href: String?
        var model: String?
        var client: String?
        var minutesWord: String?
        var purposeWord: String?
        var fixed = false
        var site: String?
        var address: String?
        var contact: Contact?
    }

    /// The navigation marks the day as the current page.
    var atToday = true
    let date: String
    let heading: String
    let previousHref: String
    let nextHref: String
    let teamChoices: [TeamChoice]
    var differs: String?
    var noPlan = false
    var version: String?
    var notice: String?
    var nextWork: Link?
    var previousWork: Link?
    var teams: [TeamDay] = []
    var empty = false
}
