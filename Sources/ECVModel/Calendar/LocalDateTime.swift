/// A wall-clock moment in a route's time zone, such as an appointment `2027-03-05T09:00`.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The calendar day.
    public let day: CalendarDay
    /// Minutes after midnight.
    public let minuteOfDay: Int

    /// The moment `minuteOfDay` minutes after midnight of `day`.
    public init(day: CalendarDay, minuteOfDay: Int) {
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    /// Parses `YYYY-MM-DDTHH:MM`; `nil` for anything else.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = CalendarDay(iso: parts[0]),
            let minute = DailyHours.minuteOfDay(parts[1]), minute < 24 * 60
        else { return nil }
        self.init(day: day, minuteOfDay: minute)
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String {
        "\(day)T\(DailyHours.clock(minuteOfDay))"
    }

    /// Earlier moments come first.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.day, lhs.minuteOfDay) < (rhs.day, rhs.minuteOfDay)
    }
}
