import ECVModel
import ECVPlanning
import Foundation

/// A plan diff for people (a summary line and tables) and for tools (`ecv-plan-diff/1`).
struct PlanDiffOutput {
    let diff: PlanDiff
    /// Version numbers of the two plans, and what the first one is to the reader ("the published plan").
    let fromVersion: Int
    let toVersion: Int
    let fromLabel: String

    var summary: String {
        "Version \(toVersion) against \(fromLabel) (version \(fromVersion)): "
            + "\(diff.changes(.moved).count) moved, \(diff.changes(.added).count) added, "
            + "\(diff.changes(.dropped).count) dropped, \(diff.unchanged) unchanged\n"
    }

    func rendered() -> String {
        var text = summary
        if !diff.changes.isEmpty {
            var table = TextTable(headers: ["VEHICLE", "VISIT", "CHANGE", "BEFORE", "AFTER", "REASON"])
            for change in diff.changes {
                table.append([
                    change.vehicle, change.purpose.rawValue, change.kind.rawValue, Self.text(change.before),
                    Self.text(change.after), change.reason ?? "",
                ])
            }
            text += table.rendered()
        }
        var lines = TextTable(headers: ["LINE", "KM", "WORKING DAYS", "VEHICLES"])
        for line in diff.lines {
            lines.append([
                line.route, Self.change(String(format: "%.1f", line.kmBefore), String(format: "%.1f", line.kmAfter)),
                Self.change("\(line.workdaysBefore)", "\(line.workdaysAfter)"),
                Self.change("\(line.vehiclesBefore)", "\(line.vehiclesAfter)"),
            ])
        }
        return text + lines.rendered()
    }

    private static func text(_ placement: PlanDiff.Placement?) -> String {
        guard let placement else { return "-" }
        return "\(placement.team) \(placement.start.day) \(DailyHours.clock(placement.start.minuteOfDay)) "
            + placement.site
    }

    private static func change(_ before: String, _ after: String) -> String {
        before == after ? before : "\(before) → \(after)"
    }

    /// `ecv-plan-diff/1`.
    var document: Document {
        Document(
            from: fromVersion, to: toVersion, unchanged: diff.unchanged,
            changes: diff.changes.map { change in
                Document.Change(
                    vehicle: change.vehicle, purpose: change.purpose.rawValue, kind: change.kind.rawValue,
                    before: change.before.map(Document.Placement.init),
                    after: change.after.map(Document.Placement.init),
                    reason: change.reason, saving: change.saving)
            },
            lines: diff.lines.map { line in
                Document.Line(
                    route: line.route,
                    km: .init(before: PlanDocument.tenths(line.kmBefore), after: PlanDocument.tenths(line.kmAfter)),
                    workdays: .init(before: Double(line.workdaysBefore), after: Double(line.workdaysAfter)),
                    vehicles: .init(before: Double(line.vehiclesBefore), after: Double(line.vehiclesAfter)))
            })
    }

    struct Document: Encodable {
        var format = "ecv-plan-diff/1"
        var from: Int
        var to: Int
        var unchanged: Int
        var changes: [Change]
        var lines: [Line]

        struct Change: Encodable {
            var vehicle: String
            var purpose: String
            var kind: String
            var before: Placement?
            var after: Placement?
            var reason: String?
            /// The line's net saving from moving, where the visit moved to save.
            var saving: Double?
        }

        struct Placement: Encodable {
            var route: String
            var team: String
            var site: String
            /// ISO 8601 with the route's offset.
            var start: String
            var end: String

            init(_ placement: PlanDiff.Placement) {
                route = placement.route
                team = placement.team
                site = placement.site
                start = ISOTime.string(placement.start, timeZone: placement.timeZone)
                end = ISOTime.string(placement.end, timeZone: placement.timeZone)
            }
        }

        struct Line: Encodable {
            var route: String
            var km: BeforeAfter
            var workdays: BeforeAfter
            var vehicles: BeforeAfter
        }

        struct BeforeAfter: Encodable {
            var before: Double
            var after: Double
        }
    }
}
