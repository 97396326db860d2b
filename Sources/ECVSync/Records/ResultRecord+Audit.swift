import ECVModel
import Foundation

extension ResultRecord {
    /// The row as the audit trail's JSON, keys in sorted order, written byte by byte: batches write one
    /// per result.
    package func auditJSON(_ recorded: String) -> String {
        auditObject(recorded).finished()
    }

    /// The audit trail's JSON of the row, not yet finished as a string.
    package func auditObject(_ recorded: String) -> JSONObjectWriter {
        var json = JSONObjectWriter()
        json.field("choice", choice)
        json.field("id", id)
        json.field("inspectionID", inspectionID)
        json.field("itemID", itemID)
        json.field("laptop", laptop)
        json.field("note", note)
        json.field("recordedAt", recorded)
        json.field("recordedBy", recordedBy)
        json.field("status", status)
        json.field("text", text)
        if let value, value.isFinite { json.field("value", literal: Limits.format(value)) }
        json.field("version", literal: String(version))
        return json
    }

    /// The domain value of this row.
    public var itemResult: ItemResult {
        ItemResult(
            itemID: itemID, status: ItemResult.Status(rawValue: status) ?? .untested, value: value, choice: choice,
            text: text, note: note)
    }
}
