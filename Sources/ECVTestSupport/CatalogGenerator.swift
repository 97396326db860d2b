import Foundation

/// Writes a large, valid catalog in the YAML formats: many teams, one line each, sites spread over China.
///
/// For benchmarks and scale tests; the numbers are seeded so that every run writes the same files.
public struct CatalogGenerator: Sendable {
    /// Teams, one line each.
    public var teams: Int
    /// Sites on each line.
    public var sitesPerRoute: Int
    /// Vehicles at each site.
    public var vehiclesPerSite: Int
    /// Days each line lasts.
    public var days: Int
    /// Seeds the places, equipment and hours.
    public var seed: UInt64

    /// A generator of `teams` lines; 50 × 10 × 10 vehicles over 60 days by default (the 5,000-vehicle tour).
    public init(teams: Int = 50, sitesPerRoute: Int = 10, vehiclesPerSite: Int = 10, days: Int = 60, seed: UInt64 = 1) {
        self.teams = teams
        self.sitesPerRoute = sitesPerRoute
        self.vehiclesPerSite = vehiclesPerSite
        self.days = days
        self.seed = seed
    }

    static let equipmentMixes = [
        ["vsat", "ku-band", "generator", "ups", "video-conf", "cellular"],
        ["vsat", "ka-band", "generator", "hv-power", "ups", "mast-camera", "encoder"],
        ["bgan", "cellular", "ups", "shore-power"],
        ["tiantong", "cellular", "ups"],
    ]

    /// Writes `Checklists/` (copied from `checklists`) and generated `Routes/` into `root`.
    public func write(to root: URL, checklistsFrom checklists: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.copyItem(at: checklists, to: root.appendingPathComponent("Checklists"))
        let routes = root.appendingPathComponent("Routes")
        try fileManager.createDirectory(at: routes, withIntermediateDirectories: true)
        var random = SeededGenerator(seed: seed)

        var teamsYAML = "teams:\n"
        var clientsYAML = "clients:\n"
        for team in 0..<teams {
            teamsYAML += """
                  - id: team-\(team)
                    name: {zh: 第\(team)组, en: Team \(team)}
                    skills: [ku-band, ka-band, hv-power]
                    base: {name: Nanjing base, lat: 32.0603, lon: 118.7969}

                """
            clientsYAML += """
                  - id: client-\(team)
                    name: {zh: 客户\(team), en: Client \(team)}
                    sector: fire

                """
            var route = """
                route: line-\(team)
                team: team-\(team)
                start: 2027-03-01
                end: \(endDate)
                workdays: [mon, tue, wed, thu, fri, sat]
                work-hours: "08:00-18:00"
                setup-minutes: 20
                sites:

                """
            // Each line keeps to a region, as the real lines do.
            let centre = (Double.random(in: 24...44, using: &random), Double.random(in: 102...124, using: &random))
            for site in 0..<sitesPerRoute {
                let lat = centre.0 + Double.random(in: -2.5...2.5, using: &random)
                let lon = centre.1 + Double.random(in: -3...3, using: &random)
                route += """
                      - id: site-\(team)-\(site)
                        client: client-\(team)
                        lat: \(String(format: "%.4f", lat))
                        lon: \(String(format: "%.4f", lon))
                        vehicles:

                    """
                for vehicle in 0..<vehiclesPerSite {
                    let mix = Self.equipmentMixes.randomElement(using: &random) ?? []
                    route += """
                                  - id: V-\(team)-\(site)-\(vehicle)
                                    equipment: [\(mix.joined(separator: ", "))]

                        """
                }
            }
            try route.write(to: routes.appendingPathComponent("line-\(team).yaml"), atomically: true, encoding: .utf8)
        }
        try teamsYAML.write(to: routes.appendingPathComponent("teams.yaml"), atomically: true, encoding: .utf8)
        try clientsYAML.write(to: routes.appendingPathComponent("clients.yaml"), atomically: true, encoding: .utf8)
    }

    private var endDate: String {
        // 2027-03-01 plus `days - 1` days, computed without Calendar so the result is the same everywhere.
        var (month, day) = (3, 1 + days - 1)
        let lengths = [3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31]
        while let length = lengths[month], day > length {
            day -= length
            month += 1
        }
        return String(format: "2027-%02d-%02d", month, day)
    }
}
