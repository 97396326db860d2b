import ECVModel

/// A plan version the store keeps, read back into types: the one reader of a stored plan, for the commands,
/// the reports and the web form alike.
///
/// Reading never turns a damaged plan into "no plan": where the store has no such version the caller has
/// `nil` before it gets here, and a stored text that is not a readable plan is a `StoredPlanError`.
public struct StoredPlan: Sendable {
    /// The version number the store gave the plan.
    public let version: Int
    /// The plan as read.
    public let plan: TourPlan

    /// Reads stored version `version` from its `ecv-plan/1` JSON; the catalog's `routes` give each line its
    /// time zone and working days.
    public init(json: String, version: Int, routes: [Route]) throws(StoredPlanError) {
        self.version = version
        do {
            plan = try TourPlan(json: json, routes: routes)
        } catch {
            throw StoredPlanError(version: version, reason: error)
        }
    }
}

/// A stored plan version that cannot be read back, in one line that names it.
public struct StoredPlanError: Error, CustomStringConvertible, Equatable {
    /// The stored version that cannot be read.
    public let version: Int
    /// What is wrong with its text.
    public let reason: PlanReadError

    /// `plan version N in the database cannot be read (why); make a new plan with ecv plan`.
    public var description: String {
        "plan version \(version) in the database cannot be read (\(reason)); make a new plan with ecv plan"
    }
}
