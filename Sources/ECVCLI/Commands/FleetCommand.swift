import ArgumentParser
import ECVModel

/// `ecv fleet`: the vehicles to inspect, with client, site, skills and service minutes.
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "List clients, sites and vehicles with required skills and service minutes.",
        discussion: """
            Service minutes are the minutes of every checklist item that applies to the vehicle plus the \
            route's setup minutes. Required skills are the vehicle's equipment tags that some team has as a skill.

            Examples:
              ecv fleet
              ecv fleet --route northeast
              ecv fleet --format json > fleet.json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only the vehicles of this route.")
    var route: String?

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    @Option(help: "Language of names in the table: zh, en or both.")
    var lang: Language = .en

    func run() throws {
        let catalog = try global.loadCatalog()
        try GlobalOptions.requireKnown("route", route, among: catalog.routes.map(\.id))
        let entries = catalog.fleet(route: route)
        switch format {
        case .json:
            try Output.writeJSON(FleetDocument(vehicles: entries))
        case .table:
            var table = TextTable(
                headers: ["route", "site", "city", "client", "vehicle", "priority", "skills", "minutes"],
                rightAligned: [7])
            for entry in entries {
                table.append([
                    entry.route, entry.site, entry.city?.text(in: lang) ?? "", entry.client, entry.vehicle,
                    entry.priority == .high ? "high" : "", entry.requiredSkills.joined(separator: ","),
                    String(entry.serviceMinutes),
                ])
            }
            let minutes = entries.reduce(0) { $0 + $1.serviceMinutes }
            let clients = Set(entries.map(\.client)).count
            let sites = Set(entries.map(\.site)).count
            Output.write(
                table.rendered()
                    + "\(entries.count) vehicles at \(sites) sites of \(clients) clients, "
                    + "\(minutes) service minutes (\(hours(minutes)) h)\n")
        }
    }

    /// The JSON document of `ecv fleet --format json`.
    struct FleetDocument: Encodable {
        var format = "ecv-fleet/1"
        var vehicles: [FleetEntry]
    }
}

/// Minutes as hours with one decimal.
func hours(_ minutes: Int) -> String {
    String(format: "%.1f", Double(minutes) / 60)
}
