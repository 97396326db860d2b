import ECVReports
import ECVTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Printing with the real headless Chromium: a page prints, and a page that never finishes loading fails
/// the batch with the page's name instead of holding it forever.
@Suite struct ChromiumPrinterTests {
    @Test(.needs(.chromium)) func aPageThatNeverFinishesLoadingFailsTheBatchInTime() throws {
        let folder = try TemporaryFolder()
        let silent = try SilentServer()
        let good = folder.url.appendingPathComponent("good.html")
        let stuck = folder.url.appendingPathComponent("stuck.html")
        try Data("<p>HLJ-FIRE-01</p>".utf8).write(to: good)
        // The image's server takes the connection and never answers, so the load event never comes.
        try Data("<p>x</p><img src=\"http://127.0.0.1:\(silent.port)/photo.png\">".utf8).write(to: stuck)
        let printer = try ChromiumPrinter.find()

        try printer.printAll([(good, good.appendingPathExtension("pdf"))], browsers: 1, pageTimeout: 30)
        let pdf = try Data(contentsOf: good.appendingPathExtension("pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))

        // The error names our timeout: it, not the browser's own, ended the wait (no bound on the machine's speed).
        #expect(throws: ReportError.browserFailed("stuck.html was not printed within 3 s")) {
            try printer.printAll([(stuck, stuck.appendingPathExtension("pdf"))], browsers: 1, pageTimeout: 3)
        }
        #expect(!FileManager.default.fileExists(atPath: stuck.appendingPathExtension("pdf").path))
    }
}

/// A TCP port on 127.0.0.1 that takes connections (the kernel's backlog) and never says a word.
private final class SilentServer {
    let socket: Int32
    let port: UInt16

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && listen(socket, 16) == 0
                    && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            throw CocoaError(.fileWriteUnknown)
        }
        self.socket = socket
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socket) }
}
