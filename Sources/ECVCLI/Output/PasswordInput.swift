import Foundation

/// A password typed by a person or piped in: never an argument, which other users see in the process list.
enum PasswordInput {
    /// The first line of standard input, without its line break; at a terminal, asked for without echo.
    static func read(prompt: String) throws -> String {
        if isatty(STDIN_FILENO) != 0 {
            guard let typed = getpass(prompt) else { throw CLIError.said("no password typed") }
            return String(cString: typed)
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError.said("the password on standard input is not UTF-8")
        }
        var line =
            text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
