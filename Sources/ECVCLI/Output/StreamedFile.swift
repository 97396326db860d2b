import Foundation

/// A file written piece by piece that appears under its name only when whole: the pieces go to a hidden file
/// beside it, renamed over the name at the end, so that a reader never sees half a plan and a failed write
/// leaves the file that was there.
struct StreamedFile {
    private let target: URL
    private let partial: URL
    private let handle: FileHandle

    /// Starts writing what will become `path`.
    init(_ path: String) throws {
        target = URL(fileURLWithPath: path)
        partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw CLIError.cannotWrite(path, "cannot create a file in its folder")
        }
        do {
            handle = try FileHandle(forWritingTo: partial)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw CLIError.cannotWrite(path, error.localizedDescription)
        }
    }

    /// Writes everything `produce` hands out, then puts the file in place; on any failure the partial file goes
    /// and the error names `path`.
    static func write(_ path: String, _ produce: ((String) -> Void) -> Void) throws {
        let file = try StreamedFile(path)
        do {
            var failure: Error?
            produce { piece in
                guard failure == nil else { return }
                do { try file.handle.write(contentsOf: Data(piece.utf8)) } catch { failure = error }
            }
            if let failure { throw failure }
            try file.handle.synchronize()
            try file.handle.close()
            guard rename(file.partial.path, file.target.path) == 0 else {
                throw CLIError.cannotWrite(path, String(cString: strerror(errno)))
            }
        } catch {
            try? file.handle.close()
            try? FileManager.default.removeItem(at: file.partial)
            if let error = error as? CLIError { throw error }
            throw CLIError.cannotWrite(path, error.localizedDescription)
        }
    }
}
