import ArgumentParser
import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// `ecv today`: a team's day from the published plan.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "A day of the published plan: drives, visits with addresses and contacts, where the team sleeps.",
        discussion: """
            A drive over several days shows only the part driven that day; a visit that keeps an appointment is \
            marked FIXED; re-checks and completions say so. With --lang zh the table is in Chinese. Before the \
            tour, without --date, it says when the tour begins and shows that day; a day without work names the \
            tour's first and last days.

            Examples:
              ecv today --team team-ne
              ecv today --team team-ne --date 2027-04-14
              ecv today --date 2027-03-02 --format json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this team.")
    var team: String?

    @Option(help: "The day, YYYY-MM-DD (default: today in China).")
    var date: String?

    @Option(help: "table or json (ecv-today/1).")
    var format: ListingFormat = .table

    @Option(help: "Language of the table, words and names alike: zh, en or both (JSON stays the same).")
    var lang: Language = .en

    func run() throws {
        let catalog = try global.loadCatalog()
        try GlobalOptions.requireKnown("team", team, among: catalog.teams.map(\.id))
        let day: CalendarDay
        if let date {
            guard let parsed = CalendarDay(iso: date) else {
                throw ValidationError("--date must be YYYY-MM-DD, found `\(Terminal.safe(date))`")
            }
            day = parsed
        } else {
            day = ISOTime.today(at: Date())
        }
        let published = try PlanStorage.load(.published, from: try global.openStore(readOnly: true), catalog: catalog)
        if let warning = published.inputsWarning(root: global.rootURL, language: lang) {
            FileHandle.standardError.write(Data(warning.utf8))
        }
        let messages = Messages(lang)
        var shown = day
        // Before the tour, "today" means its first day, the one the team prepares for; a day without work
        // names the days with work.
        var before: String?
        var after: String?
        if published.plan.days(on: day, team: team, catalog: catalog).isEmpty,
            let span = published.plan.span(team: team)
        {
            if date == nil, day < span.lowerBound {
                shown = span.lowerBound
                before = messages("today.before-tour", span.lowerBound.description, String(published.version))
            } else {
                after = messages("today.span", span.lowerBound.description, span.upperBound.description)
            }
        }
        let agenda = DayAgenda(
            days: published.plan.days(on: shown, team: team, catalog: catalog), day: shown,
            version: published.version, catalog: catalog, language: lang)
        let notes = [before, after].compactMap { $0 }.map { Terminal.safeLines($0) + "\n" }.joined()
        // The plan may have come in a bundle: no control character of it reaches the terminal.
        if format == .json {
            FileHandle.standardError.write(Data(notes.utf8))
            Output.write(agenda.json())
        } else {
            Output.write(
                (before.map { Terminal.safeLines($0) + "\n" } ?? "") + Terminal.safeLines(agenda.rendered())
                    + (after.map { Terminal.safeLines($0) + "\n" } ?? ""))
        }
    }
}
