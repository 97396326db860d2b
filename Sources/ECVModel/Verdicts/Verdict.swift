/// The state of one subsystem after an inspection.
public enum SubsystemVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case pass = "PASS"
    /// A major or minor item failed.
    case degraded = "DEGRADED"
    /// A critical item failed.
    case fail = "FAIL"
    /// A critical or major item is untested.
    case incomplete = "INCOMPLETE"
}

/// Whether a vehicle is ready when called.
public enum Readiness: String, Sendable, Hashable, Codable, CaseIterable {
    case deployable = "DEPLOYABLE"
    /// No critical failure, but a major item failed: usable with restrictions.
    case restricted = "RESTRICTED"
    /// A critical item failed.
    case notDeployable = "NOT_DEPLOYABLE"
    /// A critical or major item is untested.
    case incomplete = "INCOMPLETE"
    /// Nothing has been recorded for the vehicle.
    case notInspected = "NOT_INSPECTED"

    /// The words a person reads, such as `NOT DEPLOYABLE`.
    public var label: String { rawValue.replacingUnderscores }

    /// The order of a readiness board: the vehicles a dispatcher must not send first, the deployable last.
    public static let worstFirst: [Readiness] = [.notDeployable, .restricted, .incomplete, .notInspected, .deployable]

    /// The place of this readiness in `worstFirst`.
    public var boardRank: Int { Readiness.worstFirst.firstIndex(of: self) ?? 0 }
}

/// An item behind a verdict: which one and how much it matters.
public struct Finding: Sendable, Hashable, Codable {
    /// Full item id, `subsystem.item`.
    public var itemID: String
    /// How much the item weighs.
    public var severity: Severity

    /// A finding of item `itemID` with this severity.
    public init(itemID: String, severity: Severity) {
        self.itemID = itemID
        self.severity = severity
    }
}

/// A vehicle's readiness with the reasons for it.
public struct VehicleVerdict: Sendable, Hashable, Codable {
    /// Whether the vehicle may be sent to an emergency.
    public var readiness: Readiness
    /// Every failed item, critical first.
    public var failed: [Finding]
    /// Untested critical and major items.
    public var untested: [Finding]
    /// Verdict per subsystem that has applicable items, in subsystem order.
    public var subsystems: [SubsystemOutcome]

    /// A verdict of these parts.
    public init(readiness: Readiness, failed: [Finding], untested: [Finding], subsystems: [SubsystemOutcome]) {
        self.readiness = readiness
        self.failed = failed
        self.untested = untested
        self.subsystems = subsystems
    }

    /// One subsystem's verdict inside a vehicle verdict.
    public struct SubsystemOutcome: Sendable, Hashable, Codable {
        /// The subsystem.
        public var subsystem: Subsystem
        /// Its verdict from its applicable items.
        public var verdict: SubsystemVerdict

        /// The verdict of `subsystem`.
        public init(subsystem: Subsystem, verdict: SubsystemVerdict) {
            self.subsystem = subsystem
            self.verdict = verdict
        }
    }

    /// Failed critical items: why the vehicle is NOT DEPLOYABLE.
    public var groundingFailures: [Finding] { failed.filter { $0.severity == .critical } }
    /// Failed major items: the restrictions a RESTRICTED vehicle works under.
    public var restrictions: [Finding] { failed.filter { $0.severity == .major } }
    /// Failed minor items: advice that does not limit deployment.
    public var advisories: [Finding] { failed.filter { $0.severity == .minor } }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
