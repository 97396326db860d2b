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
        var context: [String: Any] = [
            "atToday": true, "date": day.description,
            "heading": messages("web.today.title", day.description, messages.weekday(day.weekday)),
            "previousHref": href(day.adding(days: -1), team: team), "nextHref": href(day.adding(days: 1), team: team),
            "teamChoices": catalog.teams.map { candidate in
                ["id": candidate.id, "name": messages.text(candidate.name), "selected": candidate.id == team]
                    as [String: Any]
            },
        ]
        if !differing.isEmpty { context["differs"] = messages("web.today.differs", differing.joined(separator: ", ")) }
        guard let agenda else {
            context["noPlan"] = true
            return try page.render("web-today", title: messages("web.nav.today"), context)
        }
        context["version"] = messages("web.today.planVersion", "\(agenda.version)")
        if let span = agenda.span {
            if day < span.lowerBound { context["notice"] = messages("web.today.before", span.lowerBound.description) }
            if day > span.upperBound { context["notice"] = messages("web.today.after", span.upperBound.description) }
        }
        if let next = agenda.dayWithWork(from: day, step: 1, team: team) {
            context["nextWork"] = [
                "href": href(next, team: team), "text": messages("web.today.nextWork", next.description),
            ]
        }
        if let previous = agenda.dayWithWork(from: day, step: -1, team: team) {
            context["previousWork"] = [
                "href": href(previous, team: team), "text": messages("web.today.previousWork", previous.description),
            ]
        }
        let teams = agenda.teams(on: day, team: team, language: page.language)
        context["teams"] = teams.map { teamDay in
            [
                "team": teamDay.team, "heading": messages("web.today.teamOnRoute", teamDay.teamName, teamDay.route),
                "idle": teamDay.idle.map { messages("web.today.idle", $0) } ?? "",
                "entries": teamDay.entries.map(entryContext),
            ] as [String: Any]
        }
        context["empty"] = teams.allSatisfy { $0.entries.isEmpty && $0.idle == nil }
        return try page.render("web-today", title: messages("web.nav.today"), context)
    }

    private func entryContext(_ entry: AgendaEntry) -> [String: Any] {
        let messages = page.messages
        var context: [String: Any] = ["kind": entry.kind, "start": entry.start]
        switch entry.kind {
        case "drive":
            context["end"] = entry.end
            context["kindWord"] = messages("web.today.drive")
            context["description"] = [
                "\(entry.from ?? "") → \(entry.to ?? "")", entry.distance,
                entry.part.map { messages("web.today.part", $0) },
            ].compactMap { $0 }.joined(separator: " · ")
        case "visit":
            context["end"] = entry.end
            context["kindWord"] = messages("web.today.inspect")
            context["vehicle"] = entry.vehicle ?? ""
            context["href"] = WebPath.vehicle(entry.vehicle ?? "")
            context["model"] = entry.model ?? ""
            context["client"] = entry.client ?? ""
            context["minutesWord"] = messages("unit.minutes", "\(entry.minutes ?? 0)")
            context["purposeWord"] = entry.purpose.map { messages("web.today.\($0)") } ?? ""
            context["fixed"] = entry.fixed
            context["site"] = entry.site ?? ""
            context["address"] = entry.address ?? ""
            if let contact = entry.contact {
                context["contact"] = [
                    "name": contact.name ?? "", "phone": contact.phone ?? "", "email": contact.email ?? "",
                ]
            }
        default:
            context["kindWord"] = messages("web.today.overnight")
            context["description"] =
                entry.onTheRoad
                ? messages("web.today.onTheRoad", entry.from ?? "", entry.to ?? "") : entry.site ?? ""
        }
        return context
    }

    private func href(_ day: CalendarDay, team: String?) -> String {
        "/today?date=\(day)" + (team.map { "&team=\(WebPath.queryValue($0))" } ?? "")
    }
}
