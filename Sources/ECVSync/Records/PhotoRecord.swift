import Foundation

/// A photo of one item, taken during an inspection; its bytes are in the file `fileName` of the photo
/// folder.
public struct PhotoRecord: Codable, Sendable, Equatable {
    public var id: UUID
    public var inspectionID: UUID
    public var vehicleID: String
    public var itemID: String
    /// `image/jpeg` or `image/png`.
    public var contentType: String
    public var bytes: Int
    public var sha256: String
    public var takenAt: Date
    public var takenBy: String
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
