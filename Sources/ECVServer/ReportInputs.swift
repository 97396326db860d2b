import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import Foundation

/// What the reports need from the store, read into values: the reports themselves never open it.
public struct ReportInputs {
    /// The plan the teams follow and its version; nil before any plan is stored.
    public let plan: (plan: TourPlan, version: Int)?

    /// Reads the plan the teams follow, the published one; a stored plan that cannot be read counts as none.
    public init(store: Store) throws(StoreError) {
        plan = try store.publishedPlan().flatMap { record in
            (try? TourPlan(json: record.json)).map { ($0, record.version) }
        }
    }

    /// The vehicle's report of what `store` holds for it: inspections, results and photos.
    public func vehicleReport(
        _ store: Store, placement: Catalog.VehiclePlacement, catalog: Catalog, language: Language,
        signer: ReportSigner? = nil
    ) throws(StoreError) -> VehicleReport {
        VehicleReport(
            placement: placement, catalog: catalog, history: try store.history(ofVehicle: placement.vehicle.id),
            planVersion: plan?.version, seasonStart: plan.flatMap { Season.start(of: $0.plan) },
            language: language, signer: signer)
    }
}

extension VehicleReport {
    /// The report of what `store` holds for the vehicle, against the plan the teams follow.
    public static func from(
        _ store: Store, placement: Catalog.VehiclePlacement, catalog: Catalog, language: Language,
        signer: ReportSigner? = nil
    ) throws(StoreError) -> VehicleReport {
        try ReportInputs(store: store).vehicleReport(
            store, placement: placement, catalog: catalog, language: language, signer: signer)
    }
}
