import ECVModel
import Foundation

/// The emergency view: a point (typed, or clicked on the map) and a radius, and the DEPLOYABLE vehicles within it,
/// nearest first, with whom to call.
struct EmergencyView: Encodable, Sendable {
    let lat: String
    let lon: String
    let radius: String
    let error: String?
    let summary: String?
    let svg: String?
    let vehicles: [Vehicle]
    /// Whether any vehicle was found, for the table's section.
    let hasVehicles: Bool

    struct Vehicle: Encodable, Sendable {
        let vehicle: String
        let distance: String
        let site: String
        let address: String?
        let client: String
        let contact: Contact?
    }

    struct Contact: Encodable, Sendable {
        let name: String?
        let phone: String?
        let phoneHref: String?
        let email: String?
    }

    init(query: EmergencyQuery, rows: [HubBoardRow], catalog: Catalog?, language: Language) {
        let messages = Messages(language)
        lat = query.latText
        lon = query.lonText
        radius = query.radiusText
        error = query.isBad ? messages("hub.emergency.bad") : nil
        let map = catalog.flatMap { VehicleMap(rows, catalog: $0) }
        svg = map?.svg(
            title: messages("hub.emergency.mapLabel"), description: messages("hub.map.description"),
            label: { row, site in MapView.label(row, site, messages) }, mark: query.search)
        guard let search = query.search, let catalog else {
            summary = nil
            vehicles = []
            hasVehicles = false
            return
        }
        let nearby = NearbyVehicles(around: search.point, radiusKm: search.radiusKm, board: rows, catalog: catalog)
        let point = String(format: "%.4f°N %.4f°E", search.point.lat, search.point.lon)
        let radiusText = String(format: "%g", search.radiusKm)
        summary =
            nearby.vehicles.isEmpty
            ? messages("hub.emergency.none", point, radiusText)
            : messages("hub.emergency.found", "\(nearby.vehicles.count)", point, radiusText)
        hasVehicles = !nearby.vehicles.isEmpty
        vehicles = nearby.vehicles.map { found in
            let contact = found.client?.contact
            return Vehicle(
                vehicle: found.row.vehicle, distance: String(format: "%.1f", found.distanceKm),
                site: MapView.siteName(found.site, messages), address: found.site.address.map { messages.text($0) },
                client: found.client.map { messages.text($0.name) } ?? found.row.client,
                contact: contact.map { contact in
                    Contact(
                        name: contact.name, phone: contact.phone,
                        phoneHref: contact.phone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } },
                        email: contact.email)
                })
        }
    }
}

extension EmergencyQuery {
    /// The query of `/emergency?lat=…&lon=…&r=…`.
    init(_ parameters: some Sequence<(key: Substring, value: Substring)>) {
        var values: [Substring: Substring] = [:]
        for (key, value) in parameters where values[key] == nil { values[key] = value }
        self.init(
            lat: values["lat"].map(String.init), lon: values["lon"].map(String.init),
            radius: values["r"].map(String.init))
    }
}
