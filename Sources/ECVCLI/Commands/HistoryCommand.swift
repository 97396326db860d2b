import ArgumentParser
import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// `ecv history VEHICLE`: every inspection and every change, from the audit trail.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every inspection of a vehicle and every change, from the audit trail.",
        discussion: """
            Examples:
              ecv history HLJ-FIRE-01
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The vehicle's id.")
    var vehicle: String

    func run() throws {
        let catalog = try global.loadCatalog()
        let placement = try global.placement(of: vehicle, in: catalog)
        // Times in the zone of the vehicle's line, where its engineers were.
        let zone = placement.route.timeZone
        let store = try global.openStore(readOnly: true)
        let inspections: [InspectionRecord]
        let trail: [AuditRecord]
        do {
            inspections = try store.inspections(ofVehicle: vehicle)
            trail = try store.audit(ofVehicle: vehicle)
        } catch {
            throw CLIError.store(error)
        }
        // Names, notes and ids come from bundles and forms: each is made safe for the terminal.
        let safe = Terminal.safe
        var out = "\(safe(vehicle)): \(inspections.count) inspection\(inspections.count == 1 ? "" : "s")\n"
        for inspection in inspections {
            let finished =
                inspection.finishedAt.map { ", finished \(ISOTime.string($0, timeZone: zone))" } ?? ", open"
            out +=
                "  \(safe(inspection.kind)) inspection \(inspection.id.uuidString.prefix(8)) by \(safe(inspection.engineer)) on "
                + "\(safe(inspection.laptop)), started \(ISOTime.string(inspection.startedAt, timeZone: zone))\(finished)\n"
        }
        out += "changes:\n"
        for entry in trail {
            out +=
                "  \(ISOTime.string(entry.at, timeZone: zone))  \(safe(entry.who))@\(safe(entry.laptop))  "
                + "\(safe(entry.entity)) \(safe(HistoryCommand.summary(entry)))\n"
        }
        Output.write(out)
    }

    /// "power.generator-start: fail → pass (note)".
    static func summary(_ entry: AuditRecord) -> String {
        if let adoption = LaptopAdoption(auditLine: entry) { return adoption.description }
        guard entry.entity == "result" else {
            return entry.old == nil ? "started" : "finished"
        }
        let new = AuditedResult(json: entry.new)
        func describe(_ row: AuditedResult?) -> String {
            let status = row?.status ?? "?"
            let detail = [row?.value.map(Limits.format), row?.choice, row?.text].compactMap { $0 }.first
            return detail.map { "\(status) (\($0))" } ?? status
        }
        let item = new?.itemID ?? "?"
        let note = new?.note.map { " — \($0)" } ?? ""
        return entry.old == nil
            ? "\(item): \(describe(new))\(note)"
            : "\(item): \(describe(AuditedResult(json: entry.old))) → \(describe(new))\(note)"
    }
}
