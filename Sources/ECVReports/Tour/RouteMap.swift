import ECVModel
import ECVPlanning
import Foundation

/// An SVG map of the tour drawn from coordinates alone (no tiles, readable offline): a graticule every five
/// degrees, each team's line from its base through its stops and back, in the team's colour, bases as
/// squares, stops as dots labelled with their city.
struct RouteMap {
    static let colours = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#1b7c83", "#953800", "#6e7781"]

    let plan: PlanDocument
    let catalog: Catalog
    let language: Language

    func svg(width: Double = 720, height: Double = 520) -> String {
        var points: [(route: String, kind: String, place: GeoPoint, label: String)] = []
        for route in plan.routes {
            let base = catalog.team(withID: route.team)?.base
            if let base { points.append((route.route, "base", base.location, base.name)) }
            for stop in route.stops {
                guard let site = catalog.site(withID: stop.site) else { continue }
                points.append((route.route, "stop", site.location, site.city?.text(in: language) ?? site.id))
            }
        }
        guard !points.isEmpty else { return "" }
        // Equirectangular, shrunk east-west by the cosine of the middle latitude, fitted with a margin.
        let lats = points.map(\.place.lat)
        let lons = points.map(\.place.lon)
        let south = (lats.min() ?? 0) - 1.5
        let north = (lats.max() ?? 0) + 1.5
        let west = (lons.min() ?? 0) - 2
        let east = (lons.max() ?? 0) + 2
        let squeeze = cos((south + north) / 2 * .pi / 180)
        let scale = min(width / ((east - west) * squeeze), height / (north - south))
        func x(_ lon: Double) -> Double { ((lon - west) * squeeze * scale).rounded(toPlaces: 1) }
        func y(_ lat: Double) -> Double { ((north - lat) * scale).rounded(toPlaces: 1) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        svg += "width=\"\(Int(width))\" height=\"\(Int(height))\" class=\"map\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>"
        for lon in stride(from: (west / 5).rounded(.up) * 5, through: east, by: 5) {
            svg += "<line x1=\"\(x(lon))\" y1=\"0\" x2=\"\(x(lon))\" y2=\"\(Int(height))\" stroke=\"#d0d7de\"/>"
            svg += "<text x=\"\(x(lon) + 2)\" y=\"\(Int(height) - 4)\" class=\"grid\">\(Int(lon))°E</text>"
        }
        for lat in stride(from: (south / 5).rounded(.up) * 5, through: north, by: 5) {
            svg += "<line x1=\"0\" y1=\"\(y(lat))\" x2=\"\(Int(width))\" y2=\"\(y(lat))\" stroke=\"#d0d7de\"/>"
            svg += "<text x=\"2\" y=\"\(y(lat) - 2)\" class=\"grid\">\(Int(lat))°N</text>"
        }
        // A city visited several times, or by several teams, is named once.
        var named: Set<String> = []
        for (index, route) in plan.routes.enumerated() {
            let colour = RouteMap.colours[index % RouteMap.colours.count]
            let own = points.filter { $0.route == route.route }
            guard let base = own.first(where: { $0.kind == "base" }) else { continue }
            let path = ([base] + own.filter { $0.kind == "stop" } + [base]).map {
                "\(x($0.place.lon)),\(y($0.place.lat))"
            }
            svg += "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" "
            svg += "stroke-width=\"2\" stroke-opacity=\"0.8\"/>"
            for point in own {
                let cx = x(point.place.lon)
                let cy = y(point.place.lat)
                svg +=
                    point.kind == "base"
                    ? "<rect x=\"\(cx - 5)\" y=\"\(cy - 5)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
                    : "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" fill=\"\(colour)\"/>"
                if named.insert(point.label).inserted {
                    svg +=
                        "<text x=\"\(cx + 5)\" y=\"\(cy - 4)\" class=\"place\">\(Markup.escape(point.label))</text>"
                }
            }
            svg += "<text x=\"10\" y=\"\(18 + index * 16)\" fill=\"\(colour)\" class=\"legend\">■ "
            svg += "\(Markup.escape(route.route)) · \(Markup.escape(route.team))</text>"
        }
        return svg + "</svg>"
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let factor = Double([1, 10, 100, 1000][max(0, min(3, places))])
        return (self * factor).rounded() / factor
    }
}
