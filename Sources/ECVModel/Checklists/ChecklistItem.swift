/// One test of a checklist: what to do, how to judge it, how long it takes.
public struct ChecklistItem: Sendable, Hashable, Codable, Identifiable {
    /// The id within its checklist, such as `az-el-drive`.
    public var id: String
    /// The subsystem whose checklist holds the item.
    public var subsystem: Subsystem
    /// What to test, for people, in zh and en.
    public var title: LocalizedText
    /// How to test it, when the checklist says.
    public var method: LocalizedText?
    /// What is recorded and how it is judged.
    public var kind: Kind
    /// How much a failure weighs in the vehicle's verdict.
    public var severity: Severity
    /// Planned hands-on minutes.
    public var minutes: Int
    /// The equipment tags that make the item apply; `nil` means every vehicle.
    public var appliesTo: [String]?

    /// What the engineer records and how it decides pass or fail.
    public enum Kind: Sendable, Hashable, Codable {
        /// Pass or fail by the engineer's judgement.
        case check
        /// A number with a unit, judged by inclusive limits.
        case measure(unit: String, limits: Limits)
        /// One of `choices`; passes when it is among `passing`.
        case choice(choices: [String], passing: [String])
        /// Free text such as a serial number or firmware version; passes when given.
        case text

        /// The word used in files: `check`, `measure`, `choice`, `text`.
        public var name: String {
            switch self {
            case .check: return "check"
            case .measure: return "measure"
            case .choice: return "choice"
            case .text: return "text"
            }
        }
    }

    /// An item of these parts that applies to every vehicle by default.
    public init(
        id: String, subsystem: Subsystem, title: LocalizedText, method: LocalizedText? = nil, kind: Kind,
        severity: Severity, minutes: Int, appliesTo: [String]? = nil
    ) {
        self.id = id
        self.subsystem = subsystem
        self.title = title
        self.method = method
        self.kind = kind
        self.severity = severity
        self.minutes = minutes
        self.appliesTo = appliesTo
    }

    /// The id across all checklists: `subsystem.item`, such as `power.generator-start`.
    public var fullID: String { "\(subsystem.rawValue).\(id)" }

    /// Whether the item applies to `vehicle`: no `applies-to`, or the vehicle has one of its tags.
    public func applies(to vehicle: Vehicle) -> Bool {
        guard let tags = appliesTo else { return true }
        return tags.contains(where: vehicle.equipment.contains)
    }
}

/// Inclusive bounds of a measurement; at least one is set.
public struct Limits: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lowest value that passes, when bounded below.
    public var min: Double?
    /// The highest value that passes, when bounded above.
    public var max: Double?

    /// Limits with these bounds.
    public init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }

    /// Whether `value` is inside the limits; both bounds are inclusive.
    public func contains(_ value: Double) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    /// `"≥ 10"`, `"≤ 0.5"` or `"209 … 231"`.
    public var description: String {
        switch (min, max) {
        case (let min?, let max?): return "\(Limits.format(min)) … \(Limits.format(max))"
        case (let min?, nil): return "≥ \(Limits.format(min))"
        case (nil, let max?): return "≤ \(Limits.format(max))"
        case (nil, nil): return "any"
        }
    }

    /// A number without a trailing `.0`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
