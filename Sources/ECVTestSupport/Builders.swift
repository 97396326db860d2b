import ECVModel

extension ChecklistItem {
    /// An item with defaults for what a test does not care about.
    public static func make(
        _ id: String = "item", subsystem: Subsystem = .power, kind: Kind = .check, severity: Severity = .major,
        minutes: Int = 10, appliesTo: [String]? = nil
    ) -> ChecklistItem {
        ChecklistItem(
            id: id, subsystem: subsystem, title: LocalizedText(id), kind: kind, severity: severity,
            minutes: minutes, appliesTo: appliesTo)
    }
}

extension Vehicle {
    /// A vehicle with the given equipment.
    public static func make(_ id: String = "V-01", equipment: [String] = []) -> Vehicle {
        Vehicle(id: id, equipment: equipment)
    }
}

extension ChecklistItem {
    /// An answer that passes this item, as an engineer would type it: `pass`, a value on a limit, a passing
    /// choice, a serial number.
    public var passingAnswer: String {
        switch kind {
        case .check: return "pass"
        case .measure(_, let limits): return Limits.format(limits.min ?? limits.max ?? 0)
        case .choice(_, let passing): return passing[0]
        case .text: return "SN-1"
        }
    }
}
