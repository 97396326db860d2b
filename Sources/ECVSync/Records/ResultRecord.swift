import Foundation

/// One version of one item's result in one inspection.
///
/// A correction is a new row with the same id and the next version; rows are never changed in place.
public struct ResultRecord: Codable, Sendable, Equatable {
    public var id: UUID
    public var version: Int
    public var inspectionID: UUID
    /// Full item id, `subsystem.item`.
    public var itemID: String
    public var status: String
    public var value: Double?
    public var choice: String?
    public var text: String?
    public var note: String?
    public var recordedAt: Date
    public var recordedBy: String
    public var laptop: String

    /// The highest version a result may reach: versions run from 1 to 2³¹.
    public static let maximumVersion = 1 << 31

    /// A record with every field given.
    public init(
        id: UUID, version: Int, inspectionID: UUID, itemID: String, status: String, value: Double?, choice: String?,
        text: String?, note: String?, recordedAt: Date, recordedBy: String, laptop: String
    ) {
        self.id = id
        self.version = version
        self.inspectionID = inspectionID
        self.itemID = itemID
        self.status = status
        self.value = value
        self.choice = choice
        self.text = text
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.laptop = laptop
    }
}
