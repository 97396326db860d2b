import Foundation

/// Progress on stderr for runs longer than a second, overwriting one line when stderr is a terminal.
final class ProgressReporter: @unchecked Sendable {
    private var lastReport: Duration = .zero
    private var wroteLine = false
    private let isTerminal = isatty(STDERR_FILENO) != 0

    /// Shows `message` if at least a second has passed since the start and a quarter second since the
    /// last report.
    func report(_ message: String, after elapsed: Duration) {
        guard elapsed >= .seconds(1), elapsed - lastReport >= .milliseconds(250) || !wroteLine else { return }
        lastReport = elapsed
        wroteLine = true
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = String(format: "%6.1f s  ", seconds) + message
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    /// Ends the progress line so that later output starts on a new line.
    func finish() {
        if wroteLine && isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
