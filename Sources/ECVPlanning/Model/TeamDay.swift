import ECVModel

/// One team's day of a plan, as the team lives it: each drive cut to that day's part, each visit, and where
/// the team sleeps.
///
/// Every entry lies inside the day: a drive over several days shows only the stretch driven that day, with
/// its km and its place among the leg's stretches (`part 2 of 3`). The overnight entry comes last, at the
/// end of the day's work, unless the team is home by then.
public struct TeamDay: Sendable, Equatable {
    /// The team.
    public var team: String
    /// The line it works on that day.
    public var route: String
    /// The day.
    public var day: CalendarDay
    /// The route's time zone (IANA id), for writing the entries' times with their offset.
    public var timeZone: String
    /// The day's drives, visits and night, in time order.
    public var entries: [Entry]
    /// Why a working day has neither a drive nor a visit, when the catalog tells.
    public var idle: IdleReason?

    /// A drive, a visit, or the night.
    public struct Entry: Sendable, Equatable {
        /// What the team does.
        public enum Kind: String, Sendable, Equatable, Codable {
            case drive, visit, overnight
        }

        /// A drive, a visit, or the night.
        public var kind: Kind
        /// When it starts.
        public var start: LocalDateTime
        /// When it ends.
        public var end: LocalDateTime
        /// A drive's places (`base` or site ids); for a night on the road, the leg being driven.
        public var from: String?
        /// A drive's destination.
        public var to: String?
        /// Km of this day's part of a drive.
        public var km: Double?
        /// The part of a drive over several days: (1, 3) for its first day of three.
        public var part: Part?
        /// A visit's site, or where the team sleeps (`base` at home); `nil` for a night on the road.
        public var site: String?
        /// A visit's vehicle.
        public var vehicle: String?
        /// A visit's client organisation.
        public var client: String?
        /// Whether a visit keeps an appointment.
        public var fixed = false
        /// A visit's purpose.
        public var purpose: RoutePlan.Visit.Purpose?
        /// A visit's planned minutes.
        public var minutes: Int?

        /// Whether the night is spent on the road between two places.
        public var isOnTheRoad: Bool { kind == .overnight && site == nil }
    }

    /// One part of a drive that takes several days.
    public struct Part: Sendable, Equatable {
        /// Which day of the drive, from 1.
        public var index: Int
        /// How many days the drive takes.
        public var count: Int

        /// `1/3`.
        public var description: String { "\(index)/\(count)" }
    }
}

extension TourPlan {
    /// Each team's day on `day` (one team's when `team` is given), in the order of `routes`; teams with
    /// nothing that day are left out.
    ///
    /// `workHours` gives a route's hours for placing the overnight entry; without them (a route the catalog
    /// no longer has) it sits at the end of the day's last drive or visit.
    public func days(on day: CalendarDay, team: String? = nil, workHours: (String) -> DailyHours? = { _ in nil })
        -> [TeamDay]
    {
        routes.filter { team == nil || $0.team == team }.compactMap { route in
            route.day(day, workHours: workHours(route.route))
        }
    }
}

extension TourPlan {
    /// Each team's day on `day`, as `days(on:team:workHours:)`, with the lines' hours and idle days from `catalog`.
    public func days(on day: CalendarDay, team: String? = nil, catalog: Catalog) -> [TeamDay] {
        let lines = Dictionary(catalog.routes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return days(on: day, team: team, workHours: { lines[$0]?.workHours }).map { teamDay in
            var teamDay = teamDay
            if let line = lines[teamDay.route], let route = routes.first(where: { $0.route == teamDay.route }) {
                teamDay.idle = route.idleReason(on: day, line: line, catalog: catalog)
            }
            return teamDay
        }
    }
}

extension RoutePlan {
    /// This route's `day`, `nil` when the team is not out on it or does nothing then and is at home.
    public func day(_ day: CalendarDay, workHours: DailyHours?) -> TeamDay? {
        guard !stops.isEmpty, depart.day <= day, day <= returnTime.day else { return nil }
        var entries: [TeamDay.Entry] = []
        for leg in legs {
            for (index, stretch) in leg.stretches.enumerated() where stretch.start.day == day {
                entries.append(
                    TeamDay.Entry(
                        kind: .drive, start: stretch.start, end: stretch.end, from: leg.from, to: leg.to,
                        km: stretch.km,
                        part: leg.stretches.count > 1 ? TeamDay.Part(index: index + 1, count: leg.stretches.count) : nil
                    ))
            }
        }
        for stop in stops {
            for visit in stop.visits where visit.start.day == day {
                entries.append(
                    TeamDay.Entry(
                        kind: .visit, start: visit.start, end: visit.end, site: stop.site, vehicle: visit.vehicle,
                        client: visit.client, fixed: visit.fixed, purpose: visit.purpose, minutes: visit.minutes))
            }
        }
        entries.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        if day < returnTime.day {
            let last = entries.last?.end
            let endOfWork = workHours.map { LocalDateTime(day: day, minuteOfDay: $0.endMinute) }
            let night = [last, endOfWork].compactMap { $0 }.max()
            if let night {
                entries.append(overnight(at: night))
            }
        }
        return TeamDay(team: team, route: route, day: day, timeZone: timeZone, entries: entries)
    }

    /// Where the team is at the end of a day that ends at `moment`: on a leg it has not finished, else at
    /// the last site it reached, else at its base.
    func overnight(at moment: LocalDateTime) -> TeamDay.Entry {
        if let leg = legs.first(where: { $0.depart < moment && moment < $0.arrive }) {
            return TeamDay.Entry(kind: .overnight, start: moment, end: moment, from: leg.from, to: leg.to)
        }
        let site = stops.last { $0.arrive <= moment }?.site ?? "base"
        return TeamDay.Entry(kind: .overnight, start: moment, end: moment, site: site)
    }
}
