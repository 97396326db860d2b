/// A place in a file of `Checklists/` or `Routes/`, 1-based as editors count.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the catalog root, such as `Routes/northeast.yaml`.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// Column in Unicode scalars, as libyaml counts.
    public var column: Int

    /// A location in `file`, at its start by default.
    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// By file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in the catalog: where, how bad, what.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// Whether it stops the command.
    public var severity: Severity
    /// What is wrong, in one line.
    public var message: String

    /// Errors stop `ecv validate` with exit status 1; warnings are reported only.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// A diagnostic of `severity` at `location`.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `Routes/northeast.yaml:42:7: error: …`, the form editors and CI logs link.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// By location, then message: the order they are printed in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Collects the problems of one load, so that all of them are reported, not just the first.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }
}
