import ECVModel

/// The map of vehicles by verdict, with its legend and, for those who do not see it, the same as a list.
struct MapView: Encodable, Sendable {
    let svg: String?
    let legend: [LegendEntry]
    let vehicles: [Vehicle]

    struct LegendEntry: Encodable, Sendable {
        let code: String
        let verdict: String
        let colour: String
        let count: Int
    }

    struct Vehicle: Encodable, Sendable {
        let code: String
        let verdict: String
        let vehicle: String
        let site: String
    }

    init(_ board: [HubBoardRow], catalog: Catalog?, language: Language) {
        let messages = Messages(language)
        let map = catalog.flatMap { VehicleMap(board, catalog: $0) }
        svg = map?.svg(
            title: messages("hub.map.title"), description: messages("hub.map.description"),
            label: { row, site in MapView.label(row, site, messages) }, mark: nil)
        legend = MapView.legend(board, messages)
        let sites = catalog?.sitesByID ?? [:]
        vehicles = board.map { row in
            Vehicle(
                code: row.verdict.readiness.rawValue, verdict: messages.readiness(row.verdict.readiness),
                vehicle: row.vehicle, site: sites[row.site].map { MapView.siteName($0, messages) } ?? row.site)
        }
    }

    /// Each verdict with its dot's colour and how many vehicles have it, the worst first.
    static func legend(_ board: [HubBoardRow], _ messages: Messages) -> [LegendEntry] {
        Readiness.worstFirst.map { readiness in
            LegendEntry(
                code: readiness.rawValue, verdict: messages.readiness(readiness),
                colour: VehicleMap.colour(readiness), count: board.filter { $0.verdict.readiness == readiness }.count)
        }
    }

    /// What a dot says: the vehicle, its verdict and where it is.
    static func label(_ row: HubBoardRow, _ site: Site, _ messages: Messages) -> String {
        "\(row.vehicle) · \(messages.readiness(row.verdict.readiness)) · \(siteName(site, messages))"
    }

    static func siteName(_ site: Site, _ messages: Messages) -> String {
        site.city.map { "\(messages.text($0)) (\(site.id))" } ?? site.id
    }
}
