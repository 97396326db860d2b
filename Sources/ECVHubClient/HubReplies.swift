import Foundation

/// The hub's receipt for a bundle: the same bundle again gets the same receipt.
public struct Receipt: Codable, Sendable, Equatable {
    /// SHA-256 of the bundle's bytes, hex.
    public var sha256: String
    /// Records the bundle added at the hub.
    public var new: Int
    /// Results of the bundle the hub had already.
    public var alreadyHere: Int
    /// Results of the bundle whose id and version the hub holds with another answer: the one held stays.
    public var conflicts: Int

    /// A receipt of these parts.
    public init(sha256: String, new: Int, alreadyHere: Int, conflicts: Int) {
        self.sha256 = sha256
        self.new = new
        self.alreadyHere = alreadyHere
        self.conflicts = conflicts
    }
}

/// The hub's reply to an enrollment.
public struct EnrollmentReply: Codable, Sendable, Equatable {
    /// The enrolled name.
    public var name: String
    /// SHA-256 of the key's 32 bytes, hex.
    public var fingerprint: String
    /// `office` or `laptop`.
    public var role: String
    /// The team whose lines the laptop works on, if given.
    public var team: String?
    /// Whether the key was enrolled now (else it was already, the same).
    public var new: Bool
    /// Base64 of the office key's signature over the enrollment.
    public var officeSignature: String
}

/// What a pull brings: the bundles to import, oldest first, each as its sender signed it, the office-signed
/// enrollments of their senders' keys, and the files the published plan was made from.
public struct Pull: Codable, Sendable, Equatable {
    /// Always `ecv-pull/1`.
    public var format: String
    /// The `since` of the next pull.
    public var cursor: Int64
    /// The office-signed enrollments of the keys that signed `bundles`.
    public var keys: [Enrollment]
    /// The bundles, oldest first, byte for byte as their senders signed them.
    public var bundles: [Data]
    /// The files the published plan was made from; empty when the laptop has them.
    public var files: [File]

    /// A file of Routes/ or Checklists/.
    public struct File: Codable, Sendable, Equatable {
        /// `Routes/NAME.yaml`, `Checklists/NAME.yaml` or `Routes/distances.csv`.
        public var path: String
        /// SHA-256 of `content`, hex.
        public var sha256: String
        /// The file's bytes.
        public var content: Data

        /// A file of these parts.
        public init(path: String, sha256: String, content: Data) {
            self.path = path
            self.sha256 = sha256
            self.content = content
        }
    }

    /// A pull of these parts, format `ecv-pull/1`.
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
