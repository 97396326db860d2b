import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// Writes a plan in one of its formats to stdout, a file, or (ics) a folder of team calendars.
struct PlanWriter {
    let plan: TourPlan
    let catalog: Catalog
    let language: Language
    let generated: Date
    /// The plans published before this one, oldest first: calendars count their changes over them.
    var history: [TourPlan] = []

    func write(_ format: PlanFormat, to path: String?) throws {
        switch format {
        case .table: try emit(PlanTable(plan: plan, catalog: catalog, language: language).rendered(), to: path)
        case .csv: try emit(PlanCSV.rendered(plan), to: path)
        case .json:
            try emit(PlanStorage.json(plan, generated: generated, pretty: true) + "\n", to: path)
        case .ics:
            let calendars = PlanCalendar(plan: plan, catalog: catalog, history: history).calendars(stamp: generated)
            guard let path else {
                Output.write(calendars.map(\.text).joined())
                return
            }
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for calendar in calendars {
                    // A team id never leaves the folder, whatever a stored plan says.
                    let file = folder.appendingPathComponent("\(ReportFiles.safeName(calendar.team)).ics")
                    try Data(calendar.text.utf8).write(to: file, options: .atomic)
                    Output.write(file.path + "\n")
                }
            } catch {
                throw CLIError.cannotWrite(path, error.localizedDescription)
            }
        }
    }

    private func emit(_ text: String, to path: String?) throws {
        guard let path else {
            // A stored plan may have come in a bundle: no control character of it reaches the terminal.
            Output.write(Terminal.safeLines(text))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError.cannotWrite(path, error.localizedDescription)
        }
    }
}
