import Foundation

/// A point on the earth in decimal degrees (WGS 84).
public struct GeoPoint: Sendable, Hashable, Codable {
    /// Latitude in degrees, north positive, −90…90.
    public var lat: Double
    /// Longitude in degrees, east positive, −180…180.
    public var lon: Double

    /// Mean earth radius used for every great-circle distance in ecv.
    public static let earthRadiusKm = 6371.0

    /// A point at these coordinates (not checked here; the catalog reader checks the ranges).
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Great-circle distance in km by the haversine formula.
    public func greatCircleKm(to other: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.lat - lat) * rad
        let dLon = (other.lon - lon) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat * rad) * cos(other.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * GeoPoint.earthRadiusKm * asin(min(1, sqrt(a)))
    }
}
