/// A regional line: one team's multi-week tour from its base through a list of sites and back.
public struct Route: Sendable, Hashable, Codable, Identifiable {
    /// The line's id, such as `northeast`.
    public var id: String
    /// The line's name for people, in zh and en.
    public var name: LocalizedText
    /// The team that drives the line.
    public var teamID: String
    /// The day the team leaves its base.
    public var start: CalendarDay
    /// The day by whose end of work the team is back at its base.
    public var end: CalendarDay
    /// Weekdays the team works on the line.
    public var workdays: [Weekday]
    /// The team's working hours on a working day.
    public var workHours: DailyHours
    /// Days of the line's calendar on which nobody works (public holidays).
    public var holidays: [CalendarDay]
    /// Daily driving limit; `nil` means only work hours limit driving.
    public var maxDriveHours: Double?
    /// Minutes added to every vehicle's service time (unpacking, power-up, paperwork).
    public var setupMinutes: Int
    /// How distances and driving times follow from coordinates where no measured leg is known.
    public var travel: TravelModel
    /// IANA time zone identifier, such as `Asia/Shanghai`.
    public var timeZone: String
    /// The zone of a line that names none (`timezone:` in its file), and of times that belong to no line: China's
    /// one civil time, which every line of the tour keeps.
    public static let defaultTimeZone = "Asia/Shanghai"
    /// The line's sites, in file order (the order is no constraint on the tour).
    public var sites: [Site]
    /// Days the line's team is off the tour (its `unavailable` days in teams.yaml), copied here when the
    /// catalog is read, so that the line's calendar alone says when its team works.
    public var teamUnavailable: [CalendarDay] = []
    /// The line's own cost rates, over its team's.
    public var cost: CostRates.Given?
    /// The line's own `notice-days`, over its team's (see `Catalog.noticeDays(for:)`).
    public var noticeDays: Int?

    /// A line of these parts; Monday to Friday in China's civil time by default.
    public init(
        id: String, name: LocalizedText? = nil, teamID: String, start: CalendarDay, end: CalendarDay,
        workdays: [Weekday] = Weekday.monToFri, workHours: DailyHours, holidays: [CalendarDay] = [],
        maxDriveHours: Double? = nil, setupMinutes: Int = 0, travel: TravelModel = TravelModel(),
        timeZone: String = Route.defaultTimeZone, sites: [Site]
    ) {
        self.id = id
        self.name = name ?? LocalizedText(id)
        self.teamID = teamID
        self.start = start
        self.end = end
        self.workdays = workdays
        self.workHours = workHours
        self.holidays = holidays
        self.maxDriveHours = maxDriveHours
        self.setupMinutes = setupMinutes
        self.travel = travel
        self.timeZone = timeZone
        self.sites = sites
    }

    /// Whether the team works on `day`: a workday inside the route's dates that is neither a holiday nor a day
    /// the team is off the tour.
    public func isWorkday(_ day: CalendarDay) -> Bool {
        start <= day && day <= end && workdays.contains(day.weekday) && !holidays.contains(day)
            && !teamUnavailable.contains(day)
    }

    /// Whether `site` receives visitors on `day` and the team works then.
    public func isOpen(_ site: Site, on day: CalendarDay) -> Bool {
        isWorkday(day) && (site.openDays ?? workdays).contains(day.weekday) && !site.unavailable.contains(day)
    }

    /// The hours on an open day when a visit at `site` can take place: site hours ∩ work hours.
    public func visitingHours(at site: Site) -> DailyHours? {
        (site.openHours ?? workHours).intersection(workHours)
    }
}

/// How road distance and driving time follow from coordinates.
public struct TravelModel: Sendable, Hashable, Codable {
    /// Average driving speed in km per hour, stops included.
    public var speedKmh: Double
    /// Road km per great-circle km.
    public var circuity: Double

    /// A model of `speedKmh` km per hour on roads `circuity` times longer than the great circle.
    public init(speedKmh: Double = 70, circuity: Double = 1.3) {
        self.speedKmh = speedKmh
        self.circuity = circuity
    }

    /// Road km between two points.
    public func roadKm(from: GeoPoint, to: GeoPoint) -> Double {
        from.greatCircleKm(to: to) * circuity
    }

    /// Driving minutes for `roadKm` at the model's speed.
    public func driveMinutes(roadKm: Double) -> Double {
        roadKm / speedKmh * 60
    }
}
