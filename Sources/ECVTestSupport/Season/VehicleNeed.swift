import ECVModel
import ECVPlanning

/// What a vehicle still needs, from its verdict, as DESIGN.md's "every vehicle in one place" counts it: done (its
/// results are stored and nothing failed or is missing), or a visit — a full inspection, a recheck of the items that
/// failed, or a completion of the items left untested.
public enum VehicleNeed: Sendable, Hashable {
    case done
    case visit(RoutePlan.Visit.Purpose)

    /// The need of a vehicle with `verdict`; a failed item makes it a recheck, even when others are untested.
    public init(_ verdict: VehicleVerdict) {
        switch verdict.readiness {
        case .notInspected: self = .visit(.inspection)
        case .deployable: self = verdict.untested.isEmpty ? .done : .visit(.completion)
        case .notDeployable, .restricted: self = .visit(.recheck)
        case .incomplete: self = .visit(verdict.failed.isEmpty ? .completion : .recheck)
        }
    }

    /// The needs of every vehicle on `board`.
    public static func of(_ board: [BoardRow]) -> [String: VehicleNeed] {
        Dictionary(board.map { ($0.vehicle, VehicleNeed($0.verdict)) }, uniquingKeysWith: { first, _ in first })
    }
}
