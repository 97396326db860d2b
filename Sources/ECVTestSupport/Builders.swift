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
