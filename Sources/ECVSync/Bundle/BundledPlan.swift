import Foundation

/// The published plan as an office bundle carries it to the laptops: the stored version with when it was
/// published, so that a laptop takes it only when it is newer than the plan it follows.
public struct BundledPlan: Codable, Sendable, Equatable {
    /// The plan's record identity.
    public var id: UUID
    /// The version number at the office.
    public var version: Int
    /// When the plan was made.
    public var createdAt: Date
    /// When the office published it.
    public var publishedAt: Date
    /// The search's seed, so that the plan can be made again.
    public var seed: Int64
    /// The plan document, `ecv-plan/1`.
    public var json: String
    /// SHA-256 of the Routes/ and Checklists/ files it was made from, together.
    public var inputsSHA256: String
    /// The files the plan was made from with their SHA-256, `PlanInputs` as JSON.
    public var inputFiles: String?
    /// The first day the plan changes, for a re-plan (`yyyy-MM-dd`); `nil` for a first plan.
    public var fromDay: String?

    /// The largest plan document a bundle may carry: a season's plan is a few hundred KiB.
    package static let maximumJSONBytes = 32 << 20

    /// A plan with every field given.
    public init(
        id: UUID, version: Int, createdAt: Date, publishedAt: Date, seed: Int64, json: String, inputsSHA256: String,
        inputFiles: String?, fromDay: String?
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.publishedAt = publishedAt
        self.seed = seed
        self.json = json
        self.inputsSHA256 = inputsSHA256
        self.inputFiles = inputFiles
        self.fromDay = fromDay
    }
}
