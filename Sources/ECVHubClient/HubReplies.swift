import Foundation

/// The hub's receipt for a bundle: the same bundle again gets the same receipt.
public struct Receipt: Codable, Sendable, Equatable {
    /// SHA-256 of the bundle's bytes, hex.
    public var sha256: String
    /// Records the bundle added at the hub.
    public var new: Int
    /// Results of the bundle the hub had already.
    public var alreadyHere: Int
    public var conflicts: Int

    public init(sha256: String, new: Int, alreadyHere: Int, conflicts: Int) {
        self.sha256 = sha256
        self.new = new
        self.alreadyHere = alreadyHere
        self.conflicts = conflicts
    }
}

/// The hub's reply to an enrollment.
public struct EnrollmentReply: Codable, Sendable, Equatable {
    public var name: String
    public var fingerprint: String
    public var role: String
    public var team: String?
    /// Whether the key was enrolled now (else it was already, the same).
    public var new: Bool
    public var officeSignature: String
}

/// What a pull brings: the bundles to import, oldest first, each as its sender signed it, the office-signed
/// enrollments of their senders' keys, and the files the published plan was made from.
public struct Pull: Codable, Sendable, Equatable {
    public var format: String
    /// The `since` of the next pull.
    public var cursor: Int64
    public var keys: [Enrollment]
    public var bundles: [Data]
    public var files: [File]

    /// A file of Routes/ or Checklists/.
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var content: Data

        public init(path: String, sha256: String, content: Data) {
            self.path = path
            self.sha256 = sha256
            self.content = content
        }
    }

    public init(cursor: Int64, keys: [Enrollment], bundles: [Data], files: [File]) {
        format = "ecv-pull/1"
        self.cursor = cursor
        self.keys = keys
        self.bundles = bundles
        self.files = files
    }
}

/// The office's Routes/ and Checklists/ files, pushed to the hub.
struct CatalogPush: Codable, Sendable {
    var files: [Pull.File]
}

/// A refusal's body.
struct ProblemReply: Codable, Sendable {
    var reason: String
}
