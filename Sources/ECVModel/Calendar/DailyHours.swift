/// A span of the day, such as work hours `"08:00-18:00"`, in minutes after midnight.
///
/// `startMinute < endMinute`; spans over midnight are not part of the domain.
public struct DailyHours: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first minute of the span, after midnight.
    public let startMinute: Int
    /// The minute the span ends, after midnight (not part of it).
    public let endMinute: Int

    /// The span, or nil unless `0 ≤ startMinute < endMinute ≤ 1440`.
    public init?(startMinute: Int, endMinute: Int) {
        guard 0 <= startMinute, startMinute < endMinute, endMinute <= 24 * 60 else { return nil }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Parses `"HH:MM-HH:MM"`; `nil` when malformed or when the end is not after the start.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let start = DailyHours.minuteOfDay(parts[0]), let end = DailyHours.minuteOfDay(parts[1])
        else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    /// Length of the span in minutes.
    public var minutes: Int { endMinute - startMinute }

    /// The common part of two spans, `nil` when they do not overlap.
    public func intersection(_ other: DailyHours) -> DailyHours? {
        DailyHours(startMinute: max(startMinute, other.startMinute), endMinute: min(endMinute, other.endMinute))
    }

    /// Whether `minute` (after midnight) lies in the span, both ends included.
    public func contains(minute: Int) -> Bool {
        startMinute <= minute && minute <= endMinute
    }

    /// `"HH:MM-HH:MM"`.
    public var description: String {
        "\(DailyHours.clock(startMinute))-\(DailyHours.clock(endMinute))"
    }

    /// Parses `HH:MM` (24 h; `24:00` allowed as the end of a day) into minutes after midnight.
    public static func minuteOfDay(_ text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), minute < 60,
            hour < 24 || (hour == 24 && minute == 0)
        else { return nil }
        return hour * 60 + minute
    }

    /// `HH:MM` for minutes after midnight.
    public static func clock(_ minuteOfDay: Int) -> String {
        "\(pad(minuteOfDay / 60, 2)):\(pad(minuteOfDay % 60, 2))"
    }
}
