import ECVModel
import ECVReports
import Foundation

/// An SVG map of the vehicles, drawn from the sites' latitude and longitude alone (no tiles: the hub may have no
/// internet): an equirectangular projection fitted to the sites, a dot per vehicle in its verdict's colour, each
/// dot titled for screen readers and pointer hover.
struct VehicleMap {
    /// Drawing units of the map's box; the page scales it to the screen.
    static let width = 800.0
    static let height = 500.0

    /// The colour of each verdict's dots: dark enough to stand out on the pale ground, one per verdict.
    static func colour(_ readiness: Readiness) -> String {
        switch readiness {
        case .notDeployable: return "#cf222e"
        case .restricted: return "#9a6700"
        case .incomplete: return "#8250df"
        case .notInspected: return "#57606a"
        case .deployable: return "#1a7f37"
        }
    }

    let projection: MapProjection
    private let sites: [(site: Site, rows: [HubBoardRow])]

    /// The map of `board`'s vehicles at their sites in `catalog`; `nil` when no vehicle has a site.
    init?(_ board: [HubBoardRow], catalog: Catalog) {
        var bySite: [String: [HubBoardRow]] = [:]
        for row in board { bySite[row.site, default: []].append(row) }
        let known = catalog.sitesByID
        let sites = bySite.keys.sorted().compactMap { id in
            known[id].map { (site: $0, rows: (bySite[id] ?? []).sorted { $0.vehicle < $1.vehicle }) }
        }
        guard !sites.isEmpty else { return nil }
        self.sites = sites
        projection = MapProjection(fitting: sites.map(\.site.location), width: Self.width, height: Self.height)
    }

    /// The SVG element; `titleID` and `descriptionID` name its title and description for `aria-labelledby`.
    func svg(
        title: String, description: String, label: (HubBoardRow, Site) -> String,
        mark: (point: GeoPoint, radiusKm: Double)?
    ) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
        svg += "class=\"map\" role=\"img\" aria-labelledby=\"map-title map-desc\" "
        svg += "data-west=\"\(projection.west)\" data-north=\"\(projection.north)\" "
        svg += "data-scale=\"\(projection.scale)\" data-squeeze=\"\(projection.squeeze)\">"
        svg += "<title id=\"map-title\">\(Markup.escape(title))</title>"
        svg += "<desc id=\"map-desc\">\(Markup.escape(description))</desc>"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>"
        svg += projection.graticule()
        for (site, rows) in sites {
            let (x, y) = projection.point(site.location)
            for (index, row) in rows.enumerated() {
                // Vehicles of one site on a small ring around it, so that each dot shows.
                let (dx, dy) = Self.offset(index, of: rows.count)
                svg += "<circle cx=\"\(Self.round(x + dx))\" cy=\"\(Self.round(y + dy))\" r=\"5.5\" "
                svg += "fill=\"\(Self.colour(row.verdict.readiness))\" stroke=\"#ffffff\" stroke-width=\"1.5\">"
                svg += "<title>\(Markup.escape(label(row, site)))</title></circle>"
            }
        }
        if let mark {
            let (x, y) = projection.point(mark.point)
            let radiusLat = mark.radiusKm / (GeoPoint.earthRadiusKm * .pi / 180)
            let ry = radiusLat * projection.scale
            let rx = radiusLat / max(0.01, cos(mark.point.lat * .pi / 180)) * projection.scale * projection.squeeze
            svg += "<ellipse cx=\"\(x)\" cy=\"\(y)\" rx=\"\(Self.round(rx))\" ry=\"\(Self.round(ry))\" "
            svg += "fill=\"#0969da\" fill-opacity=\"0.08\" stroke=\"#0969da\" stroke-width=\"2\"/>"
            svg += "<path d=\"M\(x - 9) \(y)h18M\(x) \(y - 9)v18\" stroke=\"#0550ae\" stroke-width=\"3\"/>"
        }
        return svg + "</svg>"
    }

    /// Where the `index`-th of `count` vehicles of a site is drawn, from the site's point.
    static func offset(_ index: Int, of count: Int) -> (Double, Double) {
        guard count > 1 else { return (0, 0) }
        let angle = 2 * Double.pi * Double(index) / Double(count)
        let ring = count <= 6 ? 8.0 : 12.0
        return (ring * cos(angle), ring * sin(angle))
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
