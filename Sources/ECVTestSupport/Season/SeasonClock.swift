import ECVModel
import ECVPlanning
import Foundation

/// The season's clock: every step happens at a fixed local time of its day, in the lines' time zone, so that a seed
/// plays the same season whenever it runs.
enum SeasonClock {
    static let timeZone = Route.defaultTimeZone
    /// The office replans before the teams start.
    static let morning = 7 * 60
    /// Laptops export and the office imports after the day's work.
    static let evening = 19 * 60

    static func date(_ day: CalendarDay, minute: Int) -> Date {
        date(LocalDateTime(day: day, minuteOfDay: minute))
    }

    static func date(_ moment: LocalDateTime) -> Date {
        ISOTime.date(moment, timeZone: timeZone)
            ?? Date(timeIntervalSince1970: TimeInterval(moment.day.daysSinceEpoch) * 86_400)
    }
}
