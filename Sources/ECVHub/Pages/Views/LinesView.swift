import ECVModel
import Foundation

/// Each line's progress: vehicles and km, planned and done, per day, with the line's totals.
struct LinesView: Encodable, Sendable {
    let plan: String?
    let lines: [Line]

    struct Line: Encodable, Sendable {
        let id: String
        let name: String
        let summary: String
        /// Share of the planned vehicles done, 0 to 100, for the bar.
        let percent: Int
        let days: [Day]
        let total: Day
    }

    struct Day: Encodable, Sendable {
        let day: String
        let plannedVehicles: Int
        let doneVehicles: Int
        let plannedKm: String
        let doneKm: String
        let complete: Bool
    }

    init(_ progress: LineProgress, language: Language) {
        let messages = Messages(language)
        plan = progress.planVersion.map { messages("hub.lines.plan", "\($0)") }
        lines = progress.lines.map { line in
            func km(_ value: Double) -> String { String(format: "%.1f", value) }
            let percent = line.plannedVehicles == 0 ? 0 : line.doneVehicles * 100 / line.plannedVehicles
            return Line(
                id: line.route, name: line.name.map { messages.text($0) } ?? line.route,
                summary: messages(
                    "hub.lines.summary", "\(line.doneVehicles)", "\(line.plannedVehicles)", km(line.doneKm),
                    km(line.plannedKm)),
                percent: percent,
                days: line.days.map { day in
                    Day(
                        day: day.day.description, plannedVehicles: day.plannedVehicles, doneVehicles: day.doneVehicles,
                        plannedKm: km(day.plannedKm), doneKm: km(day.doneKm),
                        complete: day.plannedVehicles > 0 && day.doneVehicles == day.plannedVehicles)
                },
                total: Day(
                    day: messages("hub.lines.total"), plannedVehicles: line.plannedVehicles,
                    doneVehicles: line.doneVehicles, plannedKm: km(line.plannedKm), doneKm: km(line.doneKm),
                    complete: false))
        }
    }
}
