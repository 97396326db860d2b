import ECVModel

/// A route's calendar as one continuous count of working minutes.
///
/// Day `i` of the route's working days covers minutes `i·W ..< (i+1)·W`, where `W` is the length of
/// the work hours. Driving and work happen
/// only on this clock, so a pause overnight, over a weekend or a holiday takes no working time.
public struct WorkClock: Sendable {
    /// The route's working days in order: workdays inside its dates that are not holidays.
    public let days: [CalendarDay]
    /// The route's work hours; every working day is as long as they are.
    public let workHours: DailyHours

    /// The clock of `route`'s calendar: its workdays between its dates, holidays and its team's days off removed.
    public init(route: Route) {
        var days: [CalendarDay] = []
        var day = route.start
        while day <= route.end {
            if route.isWorkday(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        self.days = days
        workHours = route.workHours
        firstDay = route.start
    }

    /// The route's first day, where a route without any working day is shown.
    private let firstDay: CalendarDay

    /// Minutes of one working day.
    public var dayLength: Int { workHours.minutes }

    /// Working minutes from the first day's start to the last day's end.
    public var horizon: Int { days.count * dayLength }

    /// The index of `day` among the working days, `nil` when the team does not work then.
    public func index(of day: CalendarDay) -> Int? {
        guard let first = days.first, day >= first else { return nil }
        // Working days are sorted: a binary search keeps window building linear in the days.
        var low = 0
        var high = days.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if days[middle] == day { return middle }
            if days[middle] < day { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The working minute of `minuteOfDay` on working day `index`.
    public func minute(day index: Int, minuteOfDay: Int) -> Int {
        index * dayLength + minuteOfDay - workHours.startMinute
    }

    /// The working minute of a local moment, `nil` when it is outside work hours on a working day.
    public func minute(of moment: LocalDateTime) -> Int? {
        guard let index = index(of: moment.day), workHours.contains(minute: moment.minuteOfDay) else { return nil }
        return minute(day: index, minuteOfDay: moment.minuteOfDay)
    }

    /// The first working minute at or after a local moment: the moment itself inside work hours on a working
    /// day, else the next start of work (`horizon` when no working day is left).
    public func minute(atOrAfter moment: LocalDateTime) -> Int {
        guard let index = days.firstIndex(where: { $0 >= moment.day }) else { return horizon }
        guard days[index] == moment.day else { return index * dayLength }
        let clamped = min(max(moment.minuteOfDay, workHours.startMinute), workHours.startMinute + dayLength)
        return minute(day: index, minuteOfDay: clamped)
    }

    /// The calendar moment at which something starting at working minute `minute` starts: a minute on a
    /// day boundary is the next day's start of work.
    public func momentStarting(at minute: Int) -> LocalDateTime {
        guard !days.isEmpty else { return LocalDateTime(day: firstDay, minuteOfDay: workHours.startMinute) }
        let index = min(max(0, minute / dayLength), days.count - 1)
        return LocalDateTime(day: days[index], minuteOfDay: workHours.startMinute + minute - index * dayLength)
    }

    /// The calendar moment at which something ending at working minute `minute` ends: a minute on a day
    /// boundary is the previous day's end of work.
    public func momentEnding(at minute: Int) -> LocalDateTime {
        guard minute > 0, !days.isEmpty else { return momentStarting(at: 0) }
        let index = min((minute - 1) / dayLength, days.count - 1)
        return LocalDateTime(day: days[index], minuteOfDay: workHours.startMinute + minute - index * dayLength)
    }
}
