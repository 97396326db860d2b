import Foundation

/// A photo of one item, taken during an inspection; its bytes are in the file `fileName` of the photo
/// folder.
public struct PhotoRecord: Codable, Sendable, Equatable {
    /// The photo's record identity.
    public var id: UUID
    /// The inspection it was taken in.
    public var inspectionID: UUID
    /// The vehicle it shows.
    public var vehicleID: String
    /// The full id of the checklist item it shows.
    public var itemID: String
    /// `image/jpeg` or `image/png`.
    public var contentType: String
    /// The image's size in bytes.
    public var bytes: Int
    /// SHA-256 of the image bytes, in hex.
    public var sha256: String
    /// When it was taken.
    public var takenAt: Date
    /// The engineer who took it.
    public var takenBy: String
    /// The laptop it was taken on.
    public var laptop: String

    /// The file name, made from the id alone: nothing from the upload reaches the file system.
    public var fileName: String {
        id.text.lowercased() + (contentType == "image/png" ? ".png" : ".jpg")
    }

    /// A record with every field given.
    public init(
        id: UUID, inspectionID: UUID, vehicleID: String, itemID: String, contentType: String, bytes: Int,
        sha256: String, takenAt: Date, takenBy: String, laptop: String
    ) {
        self.id = id
        self.inspectionID = inspectionID
        self.vehicleID = vehicleID
        self.itemID = itemID
        self.contentType = contentType
        self.bytes = bytes
        self.sha256 = sha256
        self.takenAt = takenAt
        self.takenBy = takenBy
        self.laptop = laptop
    }
}
