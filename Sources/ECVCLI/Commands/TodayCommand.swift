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
            marked FIXED; re-checks and completions say so. With --lang zh the table is in Chinese.

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
                throw ValidationError("--date must be YYYY-MM-DD, found `\(date)`")
            }
            day = parsed
        } else {
            day = ISOTime.today(at: Date())
        }
        let published = try PlanStorage.load(.published, from: try global.openStore(), catalog: catalog)
        if let warning = published.inputsWarning(root: global.rootURL, language: lang) {
            FileHandle.standardError.write(Data(warning.utf8))
        }
        let agenda = DayAgenda(
            days: published.plan.days(on: day, team: team, catalog: catalog), day: day,
            version: published.version, catalog: catalog, language: lang)
        // The plan may have come in a bundle: no control character of it reaches the terminal.
        Output.write(format == .json ? agenda.json() : Terminal.safeLines(agenda.rendered()))
    }
}
