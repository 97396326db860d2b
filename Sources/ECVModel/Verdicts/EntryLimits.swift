import Foundation

/// The sizes and values a record may have: the one rule of what travels, checked where the engineer types
/// (`ecv inspect`, `ecv record`, the web form) and where a bundle or the hub receives it.
///
/// Accepted at entry means accepted on receipt: anything within these limits passes the receiver's size and
/// value checks, so that no answer is saved on a laptop that the office would then refuse.
public struct EntryLimits: Sendable, Equatable {
    /// The longest text — a name, a note, an answer, an id — in UTF-8 bytes.
    public var textBytes: Int
    /// The largest photo, in bytes.
    public var photoBytes: Int
    /// The longest audit line's JSON, in bytes.
    ///
    /// A record's audit line holds its texts, each at most `textBytes`
    /// and at most six bytes per byte once escaped, and at most sixteen of them: any record within the
    /// other limits has a line within this one. The receiver checks it only to bound what it reads.
    public var auditLineBytes: Int
    /// The highest version of a result or a plan.
    public var maximumVersion: Int
    /// No record of a tour is older than this.
    public var earliest: Date
    /// How far a bundle's export time, and so any time in it, may be ahead of the receiver's clock: clocks of
    /// laptops drift by minutes, and a time further ahead would outrank answers recorded since.
    public var clockSkew: TimeInterval

    /// The limits of this release.
    public static let standard = EntryLimits(
        textBytes: 16 * 1024, photoBytes: 10 * 1024 * 1024, auditLineBytes: 16 * 6 * 16 * 1024 + 64 * 1024,
        maximumVersion: 1 << 31, earliest: Date(timeIntervalSince1970: 946_684_800), clockSkew: 600)

    /// Whether `text` is short enough to travel.
    public func fits(_ text: String) -> Bool { text.utf8.count <= textBytes }

    /// Checks what a result carries: each text within `textBytes`, a value that is a finite number.
    public func check(_ result: ItemResult) throws(AnswerError) {
        let texts: [(AnswerError.Part, String?)] = [
            (.answer, result.text), (.answer, result.choice), (.note, result.note),
        ]
        for case (let part, let text?) in texts where !fits(text) {
            throw .tooLong(item: result.itemID, part: part, bytes: text.utf8.count, limit: textBytes)
        }
        if let value = result.value, !value.isFinite {
            throw .notANumber(item: result.itemID, given: String(value))
        }
    }

    /// Checks the time a record is made at: a clock before `earliest` would date it so that no receiver
    /// takes it.
    public func check(time: Date) -> Bool { time >= earliest }
}
