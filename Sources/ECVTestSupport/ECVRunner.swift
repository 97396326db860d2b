import Foundation

/// Runs the real `ecv` binary, as a user would, and captures what it prints.
public enum ECVRunner {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything printed on standard output.
        public var stdout: String
        /// Everything printed on standard error.
        public var stderr: String
    }

    /// The built `ecv` next to the running test bundle.
    public static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ecv")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return ProjectPaths.packageRoot.appendingPathComponent(".build/debug/ecv")
    }

    /// Runs `ecv arguments…` in `directory` and waits for it to end.
    public static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Result {
        try start(arguments, in: directory, input: input).wait()
    }

    /// Starts `ecv arguments…` without waiting, to be killed or waited for.
    public static func start(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Running {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw TestSupportError.binaryNotFound(binary.path)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Typed answers arrive through a pipe, as from a script; closing it is the end of input.
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Drain both pipes from the start, so a chatty child never blocks on a full pipe.
        return Running(
            process: process, stdout: ReadInBackground(out.fileHandleForReading),
            stderr: ReadInBackground(err.fileHandleForReading))
    }

    /// A started `ecv` process.
    public final class Running: @unchecked Sendable {
        let process: Process
        let stdout: ReadInBackground
        let stderr: ReadInBackground

        init(process: Process, stdout: ReadInBackground, stderr: ReadInBackground) {
            self.process = process
            self.stdout = stdout
            self.stderr = stderr
        }

        /// The process id, to read what the process uses.
        public var processIdentifier: Int32 { process.processIdentifier }

        /// Ends the process at once, as a flat battery would.
        public func kill() {
            signal(SIGKILL)
        }

        /// Asks the process to stop, as Ctrl-C does.
        public func interrupt() {
            signal(SIGINT)
        }

        /// Sends `number` while the process runs: once it has ended, its number may be another program's.
        private func signal(_ number: Int32) {
            guard process.isRunning else { return }
            Foundation.kill(process.processIdentifier, number)
        }

        /// The first line of standard output that contains `text`, waiting up to `seconds` for it.
        public func line(containing text: String, within seconds: Double) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let lines = String(decoding: stdout.snapshot(), as: UTF8.self).split(separator: "\n")
                if let line = lines.first(where: { $0.contains(text) }) { return String(line) }
                if !process.isRunning { return nil }
                usleep(50_000)
            }
            return nil
        }

        /// Waits for the end and returns what it printed.
        public func wait() throws -> Result {
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: stdout.wait(), as: UTF8.self),
                stderr: String(decoding: stderr.wait(), as: UTF8.self))
        }
    }
}

/// Drains a pipe on another thread.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.signal()
        }
    }

    /// What has arrived so far.
    func snapshot() -> Data {
        lock.withLock { data }
    }

    func wait() -> Data {
        done.wait()
        return snapshot()
    }
}
