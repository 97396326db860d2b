import ECVModel
import Foundation

/// Equirectangular, shrunk east-west by the cosine of the middle latitude, fitted to the drawing with a
/// margin and the tour in the middle: the graticule runs to the edges on the side the tour leaves free.
public struct MapProjection: Sendable {
    /// The drawing's width, in its units.
    public let width: Double
    /// The drawing's height.
    public let height: Double
    private var south: Double
    /// The latitude of the drawing's top edge.
    public private(set) var north: Double
    /// The longitude of the drawing's left edge.
    public private(set) var west: Double
    private var east: Double
    /// How much a degree of longitude is shorter than one of latitude: the cosine of the middle latitude.
    public let squeeze: Double
    /// Drawing units per degree of latitude.
    public let scale: Double

    /// The projection that fits `locations` into `width` × `height` with a margin.
    public init(fitting locations: [GeoPoint], width: Double, height: Double) {
        self.width = width
        self.height = height
        let lats = locations.map(\.lat)
        let lons = locations.map(\.lon)
        south = (lats.min() ?? 0) - 1.5
        north = (lats.max() ?? 0) + 1.5
        west = (lons.min() ?? 0) - 2
        east = (lons.max() ?? 0) + 2
        squeeze = cos((south + north) / 2 * .pi / 180)
        scale = min(width / ((east - west) * squeeze), height / (north - south))
        let spareLon = width / (squeeze * scale) - (east - west)
        let spareLat = height / scale - (north - south)
        west -= spareLon / 2
        east += spareLon / 2
        south -= spareLat / 2
        north += spareLat / 2
    }

    /// Where longitude `lon` is drawn, from the left edge.
    public func x(_ lon: Double) -> Double { ((lon - west) * squeeze * scale).rounded(toPlaces: 1) }
    /// Where latitude `lat` is drawn, from the top edge.
    public func y(_ lat: Double) -> Double { ((north - lat) * scale).rounded(toPlaces: 1) }
    /// Where `location` is drawn.
    public func point(_ location: GeoPoint) -> (Double, Double) { (x(location.lon), y(location.lat)) }

    /// The place drawn at (`x`, `y`): the inverse of `point`, to a tenth of a drawing unit.
    public func location(atX x: Double, y: Double) -> GeoPoint {
        GeoPoint(lat: north - y / scale, lon: west + x / (squeeze * scale))
    }

    /// A line and its label every five degrees.
    public func graticule() -> String {
        var svg = ""
        for lon in stride(from: (west / 5).rounded(.up) * 5, through: east, by: 5) {
            svg += "<line x1=\"\(x(lon))\" y1=\"0\" x2=\"\(x(lon))\" y2=\"\(Int(height))\" stroke=\"#d0d7de\"/>"
            svg += "<text x=\"\(x(lon) + 2)\" y=\"\(Int(height) - 4)\" class=\"grid\">\(Int(lon))°E</text>"
        }
        for lat in stride(from: (south / 5).rounded(.up) * 5, through: north, by: 5) {
            svg += "<line x1=\"0\" y1=\"\(y(lat))\" x2=\"\(Int(width))\" y2=\"\(y(lat))\" stroke=\"#d0d7de\"/>"
            svg += "<text x=\"2\" y=\"\(y(lat) - 2)\" class=\"grid\">\(Int(lat))°N</text>"
        }
        return svg
    }
}

/// Where the map's texts go: each one a box that no later text may cover.
struct MapLabels {
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
