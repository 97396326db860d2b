import Crypto
import ECVModel
import Foundation

/// A report's content hash and id: the SHA-256 of what it says (its facts as canonical JSON, not its
/// layout), and `PREFIX-ID-YYYYMMDD-<first 8 hex of the hash>`.
struct ReportIdentity {
    let contentSHA256: String
    let reportID: String

    init(prefix: String, id: String, day: CalendarDay?, facts: [String: Any]) {
        let canonical = (try? JSONSerialization.data(withJSONObject: facts, options: [.sortedKeys])) ?? Data()
        contentSHA256 = SHA256.hash(data: canonical).map { String(format: "%02x", $0) }.joined()
        let date = day.map { String($0.description.filter { $0 != "-" }) } ?? "none"
        reportID = "\(prefix)-\(id)-\(date)-\(contentSHA256.prefix(8))"
    }

    /// The footer's facts: id, hash and, with a key, the signature of the hash.
    func footer(_ sign: ((String) -> String?)?) -> [String: Any] {
        ["reportID": reportID, "contentSHA256": contentSHA256, "signature": sign?(contentSHA256) as Any]
    }
}
