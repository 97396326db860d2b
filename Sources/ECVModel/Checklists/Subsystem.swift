/// One of the five systems of a vehicle that has its own checklist.
public enum Subsystem: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case antenna
    case satelliteLink = "satellite-link"
    case network
    case audioVideo = "audio-video"
    case power

    /// In the fixed order of the form and the reports: antenna first, power last.
    public static func < (lhs: Subsystem, rhs: Subsystem) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { Subsystem.allCases.firstIndex(of: self) ?? 0 }
}

/// How much a failed item matters for the vehicle's readiness.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The vehicle cannot do its emergency job.
    case critical
    /// The vehicle works with a restriction.
    case major
    /// An advisory.
    case minor

    /// More severe first: critical < major < minor, so sorting puts what matters most on top.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
}
