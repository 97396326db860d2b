import Foundation
import GRDB

/// A photo of one item, taken during an inspection; its bytes are in the file `fileName` of the photo
/// folder.
public struct PhotoRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "photo"

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
}
