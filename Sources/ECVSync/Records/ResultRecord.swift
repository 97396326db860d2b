import ECVModel
import Foundation

/// One version of one item's result in one inspection.
///
/// A correction is a new row with the same id and the next version; rows are never changed in place.
public struct ResultRecord: Codable, Sendable, Equatable {
    /// The result's record identity, the same for all its versions.
    public var id: UUID
    /// 1 for the first answer, one more for each correction.
    public var version: Int
    /// The inspection it belongs to.
    public var inspectionID: UUID
    /// Full item id, `subsystem.item`.
    public var itemID: String
    /// `pass`, `fail`, `na` or `untested`.
    public var status: String
    /// The measured value of a `measure` item.
    public var value: Double?
    /// The chosen option of a `choice` item.
    public var choice: String?
    /// The text of a `text` item.
    public var text: String?
    /// The engineer's note.
    public var note: String?
    /// When this version was recorded.
    public var recordedAt: Date
    /// The engineer who recorded it.
    public var recordedBy: String
    /// The laptop it was recorded on.
    public var laptop: String

    /// The highest version a result may reach: versions run from 1 to 2³¹.
    public static let maximumVersion = EntryLimits.standard.maximumVersion

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
