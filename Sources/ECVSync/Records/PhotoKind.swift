import Foundation

/// The images a photo may be, told by their first bytes rather than by what the upload claims.
public enum PhotoKind: String, Sendable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"

    /// The kind of `data`, `nil` when it is neither a JPEG nor a PNG.
    public init?(sniffing data: Data) {
        if data.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else {
            return nil
        }
    }

    /// The largest photo accepted.
    public static let maximumBytes = 10 * 1024 * 1024
}
