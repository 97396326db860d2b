import Foundation

/// Prints HTML files to PDF with headless Chromium, found at run time, driven over its DevTools pipe.
public struct ChromiumPrinter: Sendable {
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

    /// Prints HTML files to their PDFs (the pages' own `@page` size, margins and margin boxes), each
    /// browser kept for its share of the batch.
    ///
    /// Starting a browser is most of the cost of a single page; one browser per core prints in parallel.
    /// A page that has not printed after `pageTimeout` seconds fails the batch.
    public func printAll(
        _ jobs: [(html: URL, pdf: URL)], browsers: Int = ProcessInfo.processInfo.activeProcessorCount,
        pageTimeout: TimeInterval = 60
    ) throws(ReportError) {
        guard !jobs.isEmpty else { return }
        let shares = max(1, min(browsers, jobs.count))
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            do {
                let session = try ChromiumSession(executable: executable, pageTimeout: pageTimeout)
                for job in stride(from: share, to: jobs.count, by: shares).map({ jobs[$0] }) {
                    try session.printPDF(job.html).write(to: job.pdf, options: .atomic)
                }
            } catch {
                failures.add(error as? ReportError ?? .cannotWrite("\(error)"))
            }
        }
        if let failure = failures.first { throw failure }
    }
}

/// The first error of parallel work.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [ReportError] = []

    func add(_ error: ReportError) {
        lock.withLock { errors.append(error) }
    }

    var first: ReportError? { lock.withLock { errors.first } }
}
