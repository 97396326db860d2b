import Foundation

/// One vehicle on the readiness board: its verdict with the failed items and when it was last inspected.
///
/// The board holds one row per vehicle, never one per visit: every count made from it counts vehicles.
public struct BoardRow: Sendable, Equatable {
    public var vehicle: String
    public var client: String
    public var route: String
    public var site: String
    public var verdict: VehicleVerdict
    /// When the latest result was recorded; nil when never inspected.
    public var inspected: Date?

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
