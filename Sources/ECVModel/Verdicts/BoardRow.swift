import Foundation

/// One vehicle on the readiness board: its verdict with the failed items and when it was last inspected.
///
/// The board holds one row per vehicle, never one per visit: every count made from it counts vehicles.
public struct BoardRow: Sendable, Equatable {
    /// The vehicle's id.
    public var vehicle: String
    /// The owning client organisation's id.
    public var client: String
    /// The regional line of the vehicle's site.
    public var route: String
    /// The vehicle's site.
    public var site: String
    /// The vehicle's verdict from its latest results.
    public var verdict: VehicleVerdict
    /// When the latest result was recorded; nil when never inspected.
    public var inspected: Date?

    /// A row of these parts.
    public init(
        vehicle: String, client: String, route: String, site: String, verdict: VehicleVerdict, inspected: Date?
    ) {
        self.vehicle = vehicle
        self.client = client
        self.route = route
        self.site = site
        self.verdict = verdict
        self.inspected = inspected
    }
}
