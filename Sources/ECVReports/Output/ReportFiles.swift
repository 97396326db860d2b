import ECVSync
import Foundation

/// Report files in an output folder, named after ids so that no id — whatever it holds — names a file outside
/// the folder, and two ids never share a name.
///
/// A name keeps the id's letters in any script (`消防-01`); only what file systems forbid or treat specially is
/// written as `%XX` of its UTF-8 bytes: `/ \ : * ? " < > | %`, control characters and a leading `.`. Escaping
/// `%` itself makes the naming one-to-one. An id too long for a file name is cut, and the SHA-256 of the whole
/// id is appended.
public struct ReportFiles {
    /// The folder the reports are written into.
    public let folder: URL

    /// Names in `folder`.
    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// `vehicle-HLJ-FIRE-01-zh.html` for kind `vehicle`, id `HLJ-FIRE-01`, language `zh`, extension `html`.
    public func url(kind: String, id: String, language: String, extension ext: String) -> URL {
        folder.appendingPathComponent("\(kind)-\(ReportFiles.safeName(id))-\(language).\(ext)")
    }

    /// The id as a piece of a file name: see the type's documentation.
    public static func safeName(_ id: String) -> String {
        guard !id.isEmpty else { return "%00" }
        var out = ""
        for (index, scalar) in id.unicodeScalars.enumerated() {
            let forbidden =
                scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|%".unicodeScalars.contains(scalar)
                || (index == 0 && scalar == ".")
            if forbidden {
                out += String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        // File systems allow 255 bytes per name; kind, language and extension need about 30.
        guard out.utf8.count > 200 else { return out }
        var cut = ""
        for character in out where cut.utf8.count + character.utf8.count <= 150 { cut.append(character) }
        return cut + "~" + Data(id.utf8).sha256Hex.prefix(16)
    }

    /// Refuses a batch in which two reports would get one file name, also where only the letter case differs
    /// (case-insensitive file systems), naming the ids.
    public static func requireDistinct(_ files: [(id: String, url: URL)]) throws(ReportError) {
        var seen: [String: String] = [:]
        for file in files {
            let key = file.url.lastPathComponent.lowercased()
            if let earlier = seen[key] {
                throw .sameFileName(file.url.lastPathComponent, earlier, file.id)
            }
            seen[key] = file.id
        }
    }

    /// Writes `text` to a file of this folder, creating the folder.
    public func write(_ text: String, to url: URL) throws(ReportError) {
        guard url.standardizedFileURL.deletingLastPathComponent().path == folder.path else {
            throw .cannotWrite("\(url.path) is outside \(folder.path)")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("cannot create the folder \(folder.path): \(ReportFiles.reason(error))")
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite("cannot write \(url.path): \(ReportFiles.reason(error))")
        }
    }

    /// The system's own words (`Permission denied`, `No space left on device`) where Foundation has them.
    private static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return error.localizedDescription
    }
}
