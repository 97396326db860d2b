import Foundation

/// Reads input files with their size checked before a byte is read.
enum BoundedFile {
    /// The bytes of the regular file `path`, refused with a clear message above `limit` bytes.
    static func read(_ path: String, limit: Int) throws -> Data {
        let url = URL(fileURLWithPath: path)
        guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]),
            values.isRegularFile == true, let size = values.fileSize
        else { throw CLIError.unreadableFile(path) }
        guard size <= limit else {
            throw CLIError.badFile("\(path): \(size) bytes; at most \(limit) are read")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.unreadableFile(path) }
        return data
    }
}
