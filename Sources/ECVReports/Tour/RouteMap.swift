import ECVModel
import ECVPlanning
import Foundation

/// An SVG map of the tour drawn from coordinates alone (no tiles, readable offline): a graticule every five
/// degrees, each team's line from its base through its stops and back, in the team's colour, bases as
/// squares, stops as dots labelled with their city.
struct RouteMap {
    static let colours = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#1b7c83", "#953800", "#6e7781"]

    let plan: TourPlan
    let catalog: Catalog
    let language: Language

    /// A place drawn on the map: a team's base or a stop of its line, with the name to write beside it.
    private struct Place {
        var route: String
        var isBase: Bool
        var location: GeoPoint
        var label: String
    }

    func svg(width: Double = 1000, height: Double = 570) -> String {
        let places = self.places()
        guard !places.isEmpty else { return "" }
        let projection = MapProjection(fitting: places.map(\.location), width: width, height: height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        svg += "width=\"\(Int(width))\" height=\"\(Int(height))\" class=\"map\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>"
        svg += projection.graticule()
        var legends: [(colour: String, names: [String])] = []
        for (index, route) in plan.routes.enumerated() {
            let colour = RouteMap.colours[index % RouteMap.colours.count]
            svg += line(of: places.filter { $0.route == route.route }, colour: colour, projection)
            legends.append((colour, legendNames(route)))
        }
        // A city visited several times, or by several teams, is named once; a name that would cover
        // another is moved to another corner of its dot, or left out where stops crowd. Names come after
        // all the lines and the legend, so that every name can avoid the whole legend.
        var labels = MapLabels()
        svg += legend(legends, reserving: &labels)
        for place in places {
            let (x, y) = projection.point(place.location)
            if let (lx, ly) = labels.place(place.label, atX: x, y: y) {
                svg += "<text x=\"\(lx)\" y=\"\(ly)\" class=\"place\">\(Markup.escape(place.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Each line's base, then its stops in visiting order.
    private func places() -> [Place] {
        var places: [Place] = []
        for route in plan.routes {
            if let base = catalog.team(withID: route.team)?.base {
                places.append(
                    Place(
                        route: route.route, isBase: true, location: base.location, label: base.name.text(in: language)))
            }
            for stop in route.stops {
                guard let site = catalog.site(withID: stop.site) else { continue }
                let name = site.city?.text(in: language) ?? site.id
                places.append(Place(route: route.route, isBase: false, location: site.location, label: name))
            }
        }
        return places
    }

    /// A line from its base through its stops and back, the base a square and the stops dots.
    private func line(of own: [Place], colour: String, _ projection: MapProjection) -> String {
        guard let base = own.first(where: \.isBase) else { return "" }
        let path = ([base] + own.filter { !$0.isBase } + [base]).map { place in
            let (x, y) = projection.point(place.location)
            return "\(x),\(y)"
        }
        var svg = "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" "
        svg += "stroke-width=\"2\" stroke-opacity=\"0.8\"/>"
        for place in own {
            let (cx, cy) = projection.point(place.location)
            svg +=
                place.isBase
                ? "<rect x=\"\(cx - 5)\" y=\"\(cy - 5)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
                : "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" fill=\"\(colour)\"/>"
        }
        return svg
    }

    private func legendNames(_ route: RoutePlan) -> [String] {
        [
            catalog.route(withID: route.route).map { $0.name.text(in: language) } ?? route.route,
            catalog.team(withID: route.team).map { $0.name.text(in: language) } ?? route.team,
        ]
    }

    /// The legend on a pale box over whatever lies beneath it, top left; its lines are kept free of names.
    private func legend(_ legends: [(colour: String, names: [String])], reserving labels: inout MapLabels) -> String {
        let lines = legends.map { "■ " + $0.names.joined(separator: " · ") }
        let width = lines.map { MapLabels.width($0, size: 11) }.max() ?? 0
        var svg = "<rect x=\"4\" y=\"4\" width=\"\((width + 12).rounded())\" height=\"\(legends.count * 16 + 8)\" "
        svg += "fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
        for (index, (entry, line)) in zip(legends, lines).enumerated() {
            let baseline = Double(18 + index * 16)
            labels.reserve(x: 10, y: baseline, text: line, size: 11)
            svg += "<text x=\"10\" y=\"\(Int(baseline))\" fill=\"\(entry.colour)\" class=\"legend\">"
            svg += "\(Markup.escape(line))</text>"
        }
        return svg
    }
}
