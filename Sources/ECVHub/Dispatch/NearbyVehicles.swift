import ECVModel

/// The deployable vehicles within a radius of a point, nearest first: what a dispatcher can send to an emergency.
struct NearbyVehicles: Sendable, Equatable {
    /// A vehicle that can go, how far its site is, and whom to call.
    struct Vehicle: Sendable, Equatable {
        var row: HubBoardRow
        var site: Site
        var distanceKm: Double
        var client: Client?
    }

    var vehicles: [Vehicle]

    /// The DEPLOYABLE vehicles of `board` whose site lies within `radiusKm` of `point` by great-circle distance,
    /// nearest first, then by vehicle id.
    init(around point: GeoPoint, radiusKm: Double, board: [HubBoardRow], catalog: Catalog) {
        let sites = catalog.sitesByID
        vehicles = board.compactMap { row -> Vehicle? in
            guard row.verdict.readiness == .deployable, let site = sites[row.site] else { return nil }
            let distance = point.greatCircleKm(to: site.location)
            guard distance <= radiusKm else { return nil }
            return Vehicle(row: row, site: site, distanceKm: distance, client: catalog.client(withID: row.client))
        }
        .sorted { ($0.distanceKm, $0.row.vehicle) < ($1.distanceKm, $1.row.vehicle) }
    }
}

/// The point and radius the emergency view was asked about, read from its query.
struct EmergencyQuery: Sendable, Equatable {
    /// What was typed, shown again in the form.
    var latText: String
    var lonText: String
    var radiusText: String
    /// The point and radius when all three are given and in range; `nil` otherwise.
    var search: (point: GeoPoint, radiusKm: Double)?
    /// Whether something was given that is not a point and a radius in range.
    var isBad: Bool

    static let defaultRadiusKm = 100.0
    static let radiusRange = 1.0...5000.0

    static func == (lhs: EmergencyQuery, rhs: EmergencyQuery) -> Bool {
        lhs.latText == rhs.latText && lhs.lonText == rhs.lonText && lhs.radiusText == rhs.radiusText
            && lhs.isBad == rhs.isBad && lhs.search?.point == rhs.search?.point
            && lhs.search?.radiusKm == rhs.search?.radiusKm
    }

    init(lat: String?, lon: String?, radius: String?) {
        latText = String((lat ?? "").prefix(32))
        lonText = String((lon ?? "").prefix(32))
        radiusText = String((radius ?? "").prefix(32))
        let given = [latText, lonText].contains { !$0.isEmpty }
        func number(_ text: String) -> Double? {
            Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
                .flatMap { $0.isFinite ? $0 : nil }
        }
        let radius = radiusText.isEmpty ? Self.defaultRadiusKm : number(radiusText)
        if let lat = number(latText), let lon = number(lonText), let radius, (-90...90).contains(lat),
            (-180...180).contains(lon), Self.radiusRange.contains(radius)
        {
            search = (GeoPoint(lat: lat, lon: lon), radius)
            isBad = false
        } else {
            search = nil
            isBad = given || !radiusText.isEmpty && radius.map { !Self.radiusRange.contains($0) } ?? true
        }
        if radiusText.isEmpty { radiusText = "\(Int(Self.defaultRadiusKm))" }
    }
}

extension Catalog {
    /// Every site by its id, for looking up many.
    var sitesByID: [String: Site] {
        Dictionary(routes.flatMap(\.sites).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
