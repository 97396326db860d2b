import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One headless Chromium kept open for a batch of PDFs, driven over the DevTools protocol on the pipe
/// Chromium offers with `--remote-debugging-pipe` (NUL-terminated JSON on file descriptors 3 and 4).
///
/// Starting the browser is most of the 2.4 s a single `--print-to-pdf` run takes; a batch pays it once.
final class ChromiumSession {
    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var nextID = 1
    private var buffer: [UInt8] = []
    /// Events that arrived while a reply was awaited, for `wait(for:)`.
    private var events: [DevToolsMessage] = []
    private let profile: URL
    private var tabSession: String?
    /// How long one page may take to load and print; a browser that stops answering fails the batch
    /// instead of holding it forever.
    private let pageTimeout: TimeInterval
    private var deadline: Date = .distantFuture
    /// The file being printed, for the error when it takes too long.
    private var page = ""

    init(executable: URL, pageTimeout: TimeInterval = 60) throws(ReportError) {
        self.pageTimeout = pageTimeout
        // A browser that dies mid-batch must give an error on the next write, not end this process.
        signal(SIGPIPE, SIG_IGN)
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw .browserFailed("cannot make pipes") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("ecv-chromium-\(UUID().uuidString)")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The browser reads commands on 3 and writes replies on 4; its chatter on stderr goes nowhere.
        posix_spawn_file_actions_adddup2(&actions, input[0], 3)
        posix_spawn_file_actions_adddup2(&actions, output[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            executable.path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable.path, &actions, nil, &argv, environ)
        close(input[0])
        close(output[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            throw .browserFailed("cannot start \(executable.path): error \(status)")
        }
        pid = child
        toBrowser = input[1]
        fromBrowser = output[0]
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Prints the page at `url` to PDF bytes, with the page's own `@page` size, margins and margin boxes.
    func printPDF(_ url: URL) throws(ReportError) -> Data {
        deadline = Date(timeIntervalSinceNow: pageTimeout)
        page = url.lastPathComponent
        defer { deadline = .distantFuture }
        let session = try tab()
        _ = try call("Page.navigate", DevTools.Navigate(url: url.absoluteString), session: session)
        try wait(for: "Page.loadEventFired", session: session)
        let printed = try call("Page.printToPDF", DevTools.PrintToPDF(), session: session)
        guard let text = printed.data, let data = Data(base64Encoded: text) else {
            throw .browserFailed("no PDF for \(url.lastPathComponent)")
        }
        return data
    }

    /// The session of the one tab every page of the batch is loaded into: a new tab per page would cost a
    /// renderer each time.
    private func tab() throws(ReportError) -> String? {
        if let tabSession { return tabSession }
        let target = try call("Target.createTarget", DevTools.CreateTarget(url: "about:blank")).targetId ?? ""
        let session = try call("Target.attachToTarget", DevTools.AttachToTarget(targetId: target)).sessionId
        _ = try call("Page.enable", DevTools.NoParameters(), session: session)
        tabSession = session
        return session
    }

    private func call(_ method: String, _ parameters: some Encodable, session: String? = nil) throws(ReportError)
        -> DevToolsMessage.Result
    {
        let id = nextID
        nextID += 1
        let command = DevTools.Command(id: id, method: method, params: parameters, sessionId: session)
        guard let data = try? JSONEncoder().encode(command) else {
            throw .browserFailed("cannot encode \(method)")
        }
        var bytes = [UInt8](data) + [0]
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { write(toBrowser, $0 + offset, raw.count - offset) } ?? -1
            }
            guard written > 0 else { throw .browserFailed("the browser closed its pipe") }
            offset += written
        }
        while true {
            let reply = try readMessage()
            guard reply.id == id else {
                if reply.method != nil { events.append(reply) }
                continue
            }
            if let error = reply.error {
                throw .browserFailed("\(method): \(error.message ?? "error")")
            }
            return reply.result ?? DevToolsMessage.Result()
        }
    }

    private func wait(for event: String, session: String?) throws(ReportError) {
        func matches(_ message: DevToolsMessage) -> Bool {
            message.method == event && message.sessionId == session
        }
        if let index = events.firstIndex(where: matches) {
            events.removeSubrange(...index)
            return
        }
        events.removeAll()
        while true {
            let message = try readMessage()
            if matches(message) { return }
        }
    }

    private func readMessage() throws(ReportError) -> DevToolsMessage {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try? JSONDecoder().decode(DevToolsMessage.self, from: Data(message)) else {
                    throw .browserFailed("unreadable reply from the browser")
                }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            var waiting = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let milliseconds = left > 86_400 ? -1 : Int32(max(0, left * 1000))
            guard poll(&waiting, 1, milliseconds) != 0 else {
                throw .browserFailed("\(page) was not printed within \(Int(pageTimeout)) s")
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            guard count > 0 else { throw .browserFailed("the browser stopped answering") }
            buffer += chunk[..<count]
        }
    }
}
