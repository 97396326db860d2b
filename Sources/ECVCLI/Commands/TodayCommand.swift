import ArgumentParser
import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// `ecv today`: a team's visits of the day, from the latest stored plan.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "The visits of a day from the latest plan: drives, addresses, contacts, vehicles, minutes.",
        discussion: """
            Examples:
              ecv today --team team-ne
              ecv today --team team-ne --date 2027-04-14
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this team.")
    var team: String?

    @Option(help: "The day, YYYY-MM-DD (default: today in China).")
    var date: String?

    @Option(help: "Language of names: zh, en or both.")
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
            day = ISOTime.today()
        }
        let plan = try PlanStorage.latest(global: global)
        Output.write(DayAgenda(plan: plan, catalog: catalog, language: lang).rendered(day: day, team: team))
    }
}
