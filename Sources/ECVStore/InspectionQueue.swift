import ECVModel
import ECVSync

/// Which items an inspection asks, in order, and the answers it suggests.
public struct InspectionQueue: Sendable {
    /// The items to ask, in the form's order.
    public let items: [ChecklistItem]
    /// Text answers of earlier inspections (serial numbers, firmware), offered again as defaults.
    public let carriedText: [String: String]

    /// The items of a full inspection (optionally one subsystem), or for a re-check the items whose latest
    /// result failed; `history` is the vehicle's results in recording order.
    public init(
        items applicable: [ChecklistItem], history: [ItemResult], subsystem: Subsystem? = nil, recheck: Bool = false
    ) {
        var latest: [String: ItemResult] = [:]
        var text: [String: String] = [:]
        for result in history {
            latest[result.itemID] = result
            if let answer = result.text { text[result.itemID] = answer }
        }
        items = applicable.filter { item in
            (subsystem == nil || item.subsystem == subsystem) && (!recheck || latest[item.fullID]?.status == .fail)
        }
        carriedText = text
    }

    /// The position to resume at: the first item without an answer in this inspection.
    public func resumePosition(answered: Set<String>) -> Int {
        items.firstIndex { !answered.contains($0.fullID) } ?? items.count
    }
}
