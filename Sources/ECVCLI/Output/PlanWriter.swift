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
        case .table: try emit(to: path, PlanTable(plan: plan, catalog: catalog, language: language).write)
        case .csv: try emit(to: path) { PlanCSV.write(plan, $0) }
        case .json:
            let text = PlanStorage.json(plan, generated: generated, pretty: true) + "\n"
            try emit(to: path) { $0(text) }
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

    /// Writes the pieces `produce` hands out as they come: on standard output at once, into a file that appears
    /// whole at the end.
    private func emit(to path: String?, _ produce: ((String) -> Void) -> Void) throws {
        guard let path else {
            // A stored plan may have come in a bundle: no control character of it reaches the terminal.
            produce { Output.write(Terminal.safeLines($0)) }
            return
        }
        try StreamedFile.write(path, produce)
    }
}
