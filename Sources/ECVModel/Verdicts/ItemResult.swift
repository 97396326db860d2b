/// What an engineer recorded for one checklist item of one vehicle.
public struct ItemResult: Sendable, Hashable, Codable {
    /// Full item id, `subsystem.item`.
    public var itemID: String
    /// Pass, fail, not applicable or untested.
    public var status: Status
    /// The measured value of a `measure` item.
    public var value: Double?
    /// The chosen option of a `choice` item.
    public var choice: String?
    /// The text of a `text` item (serial number, firmware version).
    public var text: String?
    /// Why: required for `na` and for a failure the engineer declares.
    public var note: String?

    /// The outcome of an item.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pass, fail, na, untested
    }

    /// A result of these parts.
    public init(
        itemID: String, status: Status, value: Double? = nil, choice: String? = nil, text: String? = nil,
        note: String? = nil
    ) {
        self.itemID = itemID
        self.status = status
        self.value = value
        self.choice = choice
        self.text = text
        self.note = note
    }
}
