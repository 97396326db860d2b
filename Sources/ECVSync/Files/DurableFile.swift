import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files written so that what is reported written is on disk, and nothing else is touched on the way.
public enum DurableFile {
    /// Creates `path` with `mode` from its first byte (exclusive: an existing file or link makes it fail),
    /// writes `data`, and flushes file and folder to disk.
    ///
    /// Two processes creating the same file: exactly one succeeds, the other gets `FileError.exists`.
    public static func createExclusively(_ path: String, data: Data, mode: mode_t) throws(FileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists(path) }
            throw .cannotWrite(path, String(cString: strerror(errno)))
        }
        do throws(FileError) {
            defer { close(descriptor) }
            // The mode asked for, whatever the umask left of it.
            guard fchmod(descriptor, mode) == 0 else { throw .cannotWrite(path, "chmod failed") }
            try writeAll(data, to: descriptor, path: path)
        } catch {
            unlink(path)
            throw error
        }
        try syncFolder(of: path)
    }

    /// Replaces or creates the regular file `path` with `data` durably.
    ///
    /// A new file in the same folder is written and flushed, renamed over the target, and the folder
    /// flushed. A target that exists and is not a regular
    /// file (a device, a folder, a link) is refused and left alone.
    public static func replace(_ path: String, with data: Data) throws(FileError) {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw .notARegularFile(path)
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        do throws(FileError) {
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, path: path)
            guard rename(temporary, path) == 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncFolder(of: path)
    }

    /// Writes every byte, then `fsync`s; a short write or a full disk is an error, never a silent loss.
    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(FileError) {
        let failure: String? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return "no buffer" }
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .cannotWrite(path, failure) }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
    }

    /// Flushes the folder holding `path`, so that the file's name survives a power loss too.
    private static func syncFolder(of path: String) throws(FileError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotWrite(folder, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(folder, String(cString: strerror(errno))) }
    }
}

/// What can go wrong writing a file, in words a user can act on.
public enum FileError: Error, CustomStringConvertible, Equatable {
    case exists(String)
    case notARegularFile(String)
    case cannotWrite(String, String)

    /// The problem in one line, with the path.
    public var description: String {
        switch self {
        case .exists(let path): return "\(path) exists already; it is never replaced"
        case .notARegularFile(let path): return "\(path) exists and is not a regular file; it is left alone"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
