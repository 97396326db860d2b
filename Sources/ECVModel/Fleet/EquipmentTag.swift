/// An equipment tag of the vocabulary (`vsat`, `generator`) with its name for people.
///
/// Vehicles list tags in `equipment`, items in `applies-to`, teams in `skills`; only the vocabulary's tags
/// are valid there, so that a typo never silently drops an item from a vehicle's checklist.
public struct EquipmentTag: Sendable, Hashable, Codable {
    /// The tag as vehicles, items and skills write it.
    public var id: String
    /// The tag's name for people, in zh and en.
    public var name: LocalizedText

    /// A tag `id` called `name`.
    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}
