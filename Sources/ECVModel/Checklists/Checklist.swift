/// The tests of one subsystem, as one file of `Checklists/` defines them.
public struct Checklist: Sendable, Hashable, Codable {
    /// The subsystem the file tests; one file per subsystem.
    public var subsystem: Subsystem
    /// The checklist's title for people, in zh and en.
    public var title: LocalizedText
    /// Bumped by the office on every change.
    public var version: Int
    /// The tests, in file order (the order the form shows them).
    public var items: [ChecklistItem]

    /// A checklist of these parts, at version 1 by default.
    public init(subsystem: Subsystem, title: LocalizedText, version: Int = 1, items: [ChecklistItem]) {
        self.subsystem = subsystem
        self.title = title
        self.version = version
        self.items = items
    }

    /// The items of this checklist that apply to `vehicle`, in file order.
    public func items(applyingTo vehicle: Vehicle) -> [ChecklistItem] {
        items.filter { $0.applies(to: vehicle) }
    }
}

extension Array where Element == Checklist {
    /// The items of all checklists that apply to `vehicle`, by subsystem, then file order.
    public func items(applyingTo vehicle: Vehicle) -> [ChecklistItem] {
        sorted { $0.subsystem < $1.subsystem }.flatMap { $0.items(applyingTo: vehicle) }
    }

    /// Minutes a visit to `vehicle` takes: its applicable items' minutes plus `setupMinutes`.
    public func serviceMinutes(for vehicle: Vehicle, setupMinutes: Int) -> Int {
        var minutes = setupMinutes
        for checklist in self {
            for item in checklist.items where item.applies(to: vehicle) { minutes += item.minutes }
        }
        return minutes
    }
}
