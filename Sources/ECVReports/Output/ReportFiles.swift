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
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite("\(url.path): \(error.localizedDescription)")
        }
    }
}

/// Prints HTML files to PDF with headless Chromium, found at run time.
public struct ChromiumPrinter {
    let executable: URL

    /// The browser on `PATH` (`chromium`, `chromium-browser`, `google-chrome`).
    public static func find() throws(ReportError) -> ChromiumPrinter {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return ChromiumPrinter(executable: candidate)
                }
            }
        }
        throw .noBrowser
    }

    /// Prints `html` to `pdf`, A4 with the page's own `@page` margins and footers.
    public func print(_ html: URL, to pdf: URL) throws(ReportError) {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
            html.absoluteString,
        ]
        // Chromium always talks on stderr (dbus, launcher); only its exit status and the file count.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try? FileManager.default.removeItem(at: pdf)
            try process.run()
        } catch {
            throw .browserFailed("\(executable.path): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw .browserFailed("exit status \(process.terminationStatus) for \(html.lastPathComponent)")
        }
    }
}
