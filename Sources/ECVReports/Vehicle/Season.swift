import ECVPlanning
import Foundation

/// The start of the season a plan covers: its first departure.
///
/// Results recorded before it belong to the previous season.
public enum Season {
    /// The earliest departure of `plan`'s lines; nil for a plan without lines.
    public static func start(of plan: TourPlan) -> Date? {
        plan.seasonStart
    }
}
