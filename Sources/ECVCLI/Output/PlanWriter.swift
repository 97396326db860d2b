import ECVModel
import ECVPlanning
import ECVReports
import Foundation

/// Writes a plan in one of its formats to stdout, a file, or (ics) a folder of team calendars.
struct PlanWriter {
    let plan: TourPlan
    let catalog: Catalog
    let language: Language

    func write(_ format: PlanFormat, to path: String?) throws {
        switch format {
        case .table: try emit(PlanTable(plan: plan, catalog: catalog, language: language).rendered(), to: path)
        case .csv: try emit(PlanCSV.rendered(plan), to: path)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(PlanDocument(plan, generated: Date()))
            try emit(String(decoding: data, as: UTF8.self) + "\n", to: path)
        case .ics:
            let calendars = PlanCalendar(plan: plan, catalog: catalog).calendars(stamp: Date())
            guard let path else {
                Output.write(calendars.map(\.text).joined())
                return
            }
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for calendar in calendars {
                    let file = folder.appendingPathComponent("\(calendar.team).ics")
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
            Output.write(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError.cannotWrite(path, error.localizedDescription)
        }
    }
}
