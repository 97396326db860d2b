import Foundation

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
