import Foundation

/// Report files in an output folder: names made from ids by keeping letters, digits, `-` and `_`, so that
/// no id — whatever it holds — names a file outside the folder.
public struct ReportFiles {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// `vehicle-HLJ-FIRE-01-zh.html` for kind `vehicle`, id `HLJ-FIRE-01`, language `zh`, extension `html`.
    public func url(kind: String, id: String, language: String, extension ext: String) -> URL {
        let safe = String(
            id.unicodeScalars.map { scalar -> Character in
                scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || scalar == "-"
                    || scalar == "_" ? Character(scalar) : "_"
            })
        let name = "\(kind)-\(safe.isEmpty ? "_" : safe)-\(language).\(ext)"
        return folder.appendingPathComponent(name)
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
