/// Travel on a work clock whose days have a driving limit.
///
/// Time runs in working minutes, days are `dayLength` long, and no more than `limit` minutes of travel
/// fit into one day. Travel that does not fit waits for the next day.
///
/// A moment that is an exact multiple of `dayLength` is the start of a day, never the end of one.
public struct DailyTravel: Sendable, Hashable {
    /// The length of one day on the work clock.
    public var dayLength: Double
    /// The most travel one day holds.
    public var limit: Double

    /// Days `dayLength` long with at most `limit` travel each.
    public init(dayLength: Double, limit: Double) {
        self.dayLength = dayLength
        self.limit = limit
    }

    /// The day a moment falls on.
    @inline(__always)
    public func day(of time: Double) -> Double {
        (time / dayLength).rounded(.down)
    }

    /// When travel of `duration` that starts at `departure`, after `drivenToday` minutes of travel that
    /// day, ends, and how much travel that day then holds.
    @inline(__always)
    public func arrival(departure: Double, drivenToday: Double, duration: Double) -> (time: Double, drivenToday: Double)
    {
        travel(departure: departure, drivenToday: drivenToday, duration: duration) { _, _ in }
    }

    /// The stretches of travel, one per day, that `arrival` adds up.
    public func stretches(departure: Double, drivenToday: Double, duration: Double) -> [(start: Double, end: Double)] {
        var stretches: [(start: Double, end: Double)] = []
        _ = travel(departure: departure, drivenToday: drivenToday, duration: duration) { stretches.append(($0, $1)) }
        return stretches
    }

    /// Travels greedily: as much as the day's limit and the day's end allow, then on the next day.
    @inline(__always)
    private func travel(
        departure: Double, drivenToday: Double, duration: Double, stretch: (Double, Double) -> Void
    ) -> (time: Double, drivenToday: Double) {
        var time = departure
        var driven = drivenToday
        var left = duration
        while left > 0 {
            let dayEnd = (day(of: time) + 1) * dayLength
            let room = min(limit - driven, dayEnd - time)
            if room <= 0 {
                time = dayEnd
                driven = 0
                continue
            }
            let step = min(room, left)
            stretch(time, time + step)
            time += step
            driven += step
            left -= step
            // Reaching the end of a day is the start of the next, with a fresh limit.
            if time >= dayEnd { driven = 0 }
        }
        return (time, driven)
    }
}
