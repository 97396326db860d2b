import ArgumentParser
import ECVModel

/// `ecv checklist VEHICLE`: the items one vehicle gets.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "List the checklist items a vehicle gets, with minutes and limits.",
        discussion: """
            An item applies when it has no applies-to or the vehicle has one of its equipment tags.

            Examples:
              ecv checklist HLJ-FIRE-01
              ecv checklist HLJ-FIRE-01 --lang zh
              ecv checklist HLJ-FIRE-01 --format json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The vehicle's id, as in Routes/.")
    var vehicle: String

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    @Option(help: "Language of titles in the table: zh, en or both.")
    var lang: Language = .en

    func run() throws {
        let catalog = try global.loadCatalog()
        let placement = try global.placement(of: vehicle, in: catalog)
        let items = catalog.items(applyingTo: placement.vehicle)
        let serviceMinutes = catalog.serviceMinutes(for: placement)
        switch format {
        case .json:
            try Output.writeJSON(
                ChecklistDocument(
                    vehicle: vehicle, setupMinutes: placement.route.setupMinutes, serviceMinutes: serviceMinutes,
                    items: items.map(ChecklistDocument.Item.init)))
        case .table:
            var table = TextTable(
                headers: ["item", "kind", "severity", "min", "pass when", "title"], rightAligned: [3])
            for item in items {
                table.append([
                    item.fullID, item.kind.name, item.severity.rawValue, String(item.minutes), item.kind.passRule,
                    item.title.text(in: lang),
                ])
            }
            Output.write(
                table.rendered()
                    + "\(items.count) items, \(serviceMinutes - placement.route.setupMinutes) min + "
                    + "\(placement.route.setupMinutes) min setup = \(serviceMinutes) min (\(hours(serviceMinutes)) h)\n"
            )
        }
    }

    /// The JSON document of `ecv checklist --format json`.
    struct ChecklistDocument: Encodable {
        var format = "ecv-checklist/1"
        var vehicle: String
        var setupMinutes: Int
        var serviceMinutes: Int
        var items: [Item]

        struct Item: Encodable {
            var item: String
            var kind: String
            var severity: Severity
            var minutes: Int
            var title: LocalizedText
            var method: LocalizedText?
            var unit: String?
            var min: Double?
            var max: Double?
            var choices: [String]?
            var pass: [String]?

            init(_ item: ChecklistItem) {
                self.item = item.fullID
                kind = item.kind.name
                severity = item.severity
                minutes = item.minutes
                title = item.title
                method = item.method
                switch item.kind {
                case .measure(let unit, let limits):
                    self.unit = unit
                    min = limits.min
                    max = limits.max
                case .choice(let choices, let passing):
                    self.choices = choices
                    pass = passing
                case .check, .text:
                    break
                }
            }
        }
    }
}

extension ChecklistItem.Kind {
    /// When the item passes, in a few words: `209 … 231 V`, `linear`, `engineer's check`.
    var passRule: String {
        switch self {
        case .check: return "check"
        case .measure(let unit, let limits): return "\(limits) \(unit)"
        case .choice(_, let passing): return passing.joined(separator: "/")
        case .text: return "recorded"
        }
    }
}
