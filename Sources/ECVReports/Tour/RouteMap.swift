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

    func svg(width: Double = 1000, height: Double = 570) -> String {
        var points: [(route: String, kind: String, place: GeoPoint, label: String)] = []
        for route in plan.routes {
            let base = catalog.team(withID: route.team)?.base
            if let base { points.append((route.route, "base", base.location, base.name.text(in: language))) }
            for stop in route.stops {
                guard let site = catalog.site(withID: stop.site) else { continue }
                points.append((route.route, "stop", site.location, site.city?.text(in: language) ?? site.id))
            }
        }
        guard !points.isEmpty else { return "" }
        // Equirectangular, shrunk east-west by the cosine of the middle latitude, fitted with a margin.
        let lats = points.map(\.place.lat)
        let lons = points.map(\.place.lon)
        var south = (lats.min() ?? 0) - 1.5
        var north = (lats.max() ?? 0) + 1.5
        var west = (lons.min() ?? 0) - 2
        var east = (lons.max() ?? 0) + 2
        let squeeze = cos((south + north) / 2 * .pi / 180)
        let scale = min(width / ((east - west) * squeeze), height / (north - south))
        // The tour in the middle, with the graticule running to the edges on the side it leaves free.
        let spareLon = width / (squeeze * scale) - (east - west)
        let spareLat = height / scale - (north - south)
        west -= spareLon / 2
        east += spareLon / 2
        south -= spareLat / 2
        north += spareLat / 2
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
        // A city visited several times, or by several teams, is named once; a name that would cover
        // another is moved to another corner of its dot, or left out where stops crowd.
        var labels = MapLabels()
        var legends: [(colour: String, names: [String])] = []
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
            }
            let legend = [
                catalog.routes.first { $0.id == route.route }.map { $0.name.text(in: language) } ?? route.route,
                catalog.team(withID: route.team).map { $0.name.text(in: language) } ?? route.team,
            ]
            legends.append((colour, legend))
        }
        // The legend on a pale box over whatever lies beneath it, top left.
        let legendWidth = legends.map { MapLabels.width("■ " + $0.names.joined(separator: " · "), size: 11) }.max() ?? 0
        svg += "<rect x=\"4\" y=\"4\" width=\"\((legendWidth + 12).rounded())\" height=\"\(legends.count * 16 + 8)\" "
        svg += "fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
        for (index, entry) in legends.enumerated() {
            let legendY = Double(18 + index * 16)
            labels.reserve(x: 10, y: legendY, text: "■ " + entry.names.joined(separator: " · "), size: 11)
            svg += "<text x=\"10\" y=\"\(Int(legendY))\" fill=\"\(entry.colour)\" class=\"legend\">■ "
            svg += "\(entry.names.map(Markup.escape).joined(separator: " · "))</text>"
        }
        // Names after all the lines and the legend, so that every name can avoid the whole legend.
        for point in points {
            if let (lx, ly) = labels.place(point.label, atX: x(point.place.lon), y: y(point.place.lat)) {
                svg += "<text x=\"\(lx)\" y=\"\(ly)\" class=\"place\">\(Markup.escape(point.label))</text>"
            }
        }
        return svg + "</svg>"
    }
}

/// Where the map's texts go: each one a box that no later text may cover.
private struct MapLabels {
    private var boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
    private var named: Set<String> = []

    /// Roughly how wide a text runs: a CJK character is square, a Latin one about 0.6 of the size.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? size : size * 0.6) }
    }

    /// Keeps the box of a text that is drawn anyway (a legend line whose baseline is at `y`).
    mutating func reserve(x: Double, y: Double, text: String, size: Double) {
        boxes.append((x, y - size, x + MapLabels.width(text, size: size), y + 2))
    }

    /// The baseline of `text` beside the dot at (x, y): the first corner where it covers no other text,
    /// or nil when every corner is taken or the name is already on the map.
    mutating func place(_ text: String, atX x: Double, y: Double, size: Double = 9) -> (Double, Double)? {
        guard !named.contains(text) else { return nil }
        let width = MapLabels.width(text, size: size)
        let corners = [(x + 5, y - 4), (x + 5, y + size + 2), (x - 5 - width, y - 4), (x - 5 - width, y + size + 2)]
        for (left, baseline) in corners {
            let box = (minX: left, minY: baseline - size, maxX: left + width, maxY: baseline + 2)
            let free = !boxes.contains {
                box.minX < $0.maxX && $0.minX < box.maxX && box.minY < $0.maxY && $0.minY < box.maxY
            }
            if free {
                boxes.append(box)
                named.insert(text)
                return ((left * 10).rounded() / 10, (baseline * 10).rounded() / 10)
            }
        }
        return nil
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let factor = Double([1, 10, 100, 1000][max(0, min(3, places))])
        return (self * factor).rounded() / factor
    }
}
