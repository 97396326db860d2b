import ECVModel
import Foundation

/// The plan as the JSON contract `ecv-plan/1` describes it: times in ISO 8601 with the route's offset,
/// km to 0.1, totals as sums of what is listed.
public struct PlanDocument: Codable, Sendable {
    /// Always `ecv-plan/1`; a reader refuses any other.
    public var format = "ecv-plan/1"
    /// When the plan was made, ISO 8601 with the first line's offset.
    public var generated: String
    /// The search's seed: the same inputs and seed give the same plan.
    public var seed: UInt64
    /// One per planned line, in the order of the lines' files.
    public var routes: [Route]
    /// Every vehicle of the planned lines that no visit serves, with the reason.
    public var unscheduled: [Unscheduled]
    /// Sums over the routes and the vehicles.
    public var totals: Totals
    /// A re-plan's reasons for moving or dropping visits of the plan before it, by vehicle; absent when none.
    public var reasons: [String: String]?
    /// A re-plan's net saving of each moved visit's line (cost units, net of `per-moved-visit`); absent when none.
    public var savings: [String: Double]?
    /// Per line with vehicles left out for lack of time, the end date that would fit them; absent when none.
    public var advice: [Advice]?
    /// A re-plan's first day, `YYYY-MM-DD`, before which visits are the published past; absent for a fresh plan.
    public var from: String?
    /// Vehicles of the planned lines the store found done before `from`; absent for a fresh plan.
    public var done: [String]?

    /// What more working days would fit the vehicles a line leaves out for lack of time.
    public struct Advice: Codable, Sendable {
        /// The line's id.
        public var route: String
        /// The end date that would fit them, `YYYY-MM-DD`.
        public var end: String
        /// Working days added by that end date.
        public var addedWorkdays: Int
        /// Vehicles that would then fit.
        public var vehicles: Int
    }

    /// One line's tour: from its team's base through its stops and back.
    public struct Route: Codable, Sendable {
        /// The line's id.
        public var route: String
        /// The team that drives it.
        public var team: String
        /// The route's time zone (IANA id); absent in plans stored before it was written.
        public var timeZone: String?
        /// When the team leaves its base (or goes on from where the past left it).
        public var depart: String
        /// When the team is back at its base.
        public var `return`: String
        /// The sites reached, in order, each with its visits.
        public var stops: [Stop]
        /// Every drive, in order, the drive home included.
        public var legs: [Leg]
        /// The line's sums.
        public var totals: RouteTotals
    }

    /// A site reached, and the visits made there.
    public struct Stop: Codable, Sendable {
        /// The site's id.
        public var site: String
        /// When the team arrives.
        public var arrive: String
        /// When the team leaves.
        public var depart: String
        /// The visits at the site, in order; empty for a site reached only to stay the night.
        public var visits: [Visit]
    }

    /// One vehicle's inspection at a stop.
    public struct Visit: Codable, Sendable {
        /// The vehicle's id.
        public var vehicle: String
        /// The vehicle's client organisation.
        public var client: String
        /// When the work on it starts.
        public var start: String
        /// When it ends.
        public var end: String
        /// Planned minutes, setup included.
        public var minutes: Int
        /// `recheck` or `completion` for a visit that does only some items; absent for a full inspection.
        public var purpose: RoutePlan.Visit.Purpose?
        /// `true` for a visit that keeps an appointment; absent otherwise.
        public var fixed: Bool?
    }

    /// A drive from one place to the next: a site's id or `base`.
    public struct Leg: Codable, Sendable {
        /// Where the drive starts.
        public var from: String
        /// Where it ends.
        public var to: String
        /// Road km, to 0.1.
        public var km: Double
        /// When the team sets off.
        public var depart: String
        /// When it arrives, nights on the road included.
        public var arrive: String
        /// Minutes at the wheel.
        public var driveMinutes: Int
        /// The driving of each day the leg takes; absent in plans stored before it was written.
        public var stretches: [Stretch]?
    }

    /// The driving of one day of a leg.
    public struct Stretch: Codable, Sendable {
        /// When that day's driving starts.
        public var start: String
        /// When it ends.
        public var end: String
        /// Road km driven then, to 0.1.
        public var km: Double
    }

    /// One line's sums, each the sum of what the route lists.
    public struct RouteTotals: Codable, Sendable {
        /// Road km of the legs, to 0.1.
        public var km: Double
        /// Minutes at the wheel.
        public var driveMinutes: Int
        /// Planned minutes of the visits.
        public var serviceMinutes: Int
        /// Working days from departure to return.
        public var workdays: Int
        /// Vehicles the route visits, each once.
        public var vehicles: Int
        /// Visits of the route (a vehicle inspected, then re-checked, counts twice); absent in older plans.
        public var visits: Int?
        /// At the line's rates: `per-km` × km + `per-day` × workdays + `per-night-away` × nightsAway.
        public var cost: Double?
        /// Working days out with neither a drive nor a visit.
        public var idleDays: Int?
        /// Nights the team spends away from its base.
        public var nightsAway: Int?
    }

    /// A vehicle of a planned line that the plan does not visit.
    public struct Unscheduled: Codable, Sendable {
        /// The vehicle's id.
        public var vehicle: String
        /// Its site.
        public var site: String
        /// Its line.
        public var route: String
        /// Why it is not visited, in words for the dispatcher.
        public var reason: String
        /// `true` when more working days on the line might fit the vehicle; absent otherwise.
        public var forLackOfTime: Bool?
        /// `reason` as the catalogue's message and its values, to be said in the reader's language; absent in
        /// plans stored before it was kept.
        public var reasonMessage: MessageText?
    }

    /// Sums over all lines.
    public struct Totals: Codable, Sendable {
        /// Road km of every route, to 0.1.
        public var km: Double
        /// Vehicles scheduled (a visit on or after `from`), each once.
        public var vehicles: Int
        /// Vehicles unscheduled, each once.
        public var unscheduled: Int
        /// Vehicles done before `from`; with `vehicles` and `unscheduled`, every vehicle of the planned lines.
        public var done: Int?
        /// Visits over all routes.
        public var visits: Int?
        /// Sum of the routes' costs, when every route has one.
        public var cost: Double?
        /// Sum of the routes' working days.
        public var workdays: Int?
    }

    /// The document of `plan`, generated at `generated`.
    public init(_ plan: TourPlan, generated: Date) {
        let zone = plan.routes.first.map(\.timeZone) ?? ECVModel.Route.defaultTimeZone
        self.generated = ISOTime.string(generated, timeZone: zone)
        seed = plan.seed
        routes = plan.routes.map { route in
            let iso = { (moment: LocalDateTime) in ISOTime.string(moment, timeZone: route.timeZone) }
            let legs = route.legs.map { leg in
                Leg(
                    from: leg.from, to: leg.to, km: PlanDocument.tenths(leg.km), depart: iso(leg.depart),
                    arrive: iso(leg.arrive), driveMinutes: leg.driveMinutes,
                    stretches: leg.stretches.map {
                        Stretch(start: iso($0.start), end: iso($0.end), km: PlanDocument.tenths($0.km))
                    })
            }
            return Route(
                route: route.route, team: route.team, timeZone: route.timeZone, depart: iso(route.depart),
                return: iso(route.returnTime),
                stops: route.stops.map { stop in
                    Stop(
                        site: stop.site, arrive: iso(stop.arrive), depart: iso(stop.depart),
                        visits: stop.visits.map {
                            Visit(
                                vehicle: $0.vehicle, client: $0.client, start: iso($0.start), end: iso($0.end),
                                minutes: $0.minutes, purpose: $0.purpose == .inspection ? nil : $0.purpose,
                                fixed: $0.fixed ? true : nil)
                        })
                },
                legs: legs,
                totals: RouteTotals(
                    km: PlanDocument.tenths(legs.reduce(0) { $0 + $1.km }), driveMinutes: route.driveMinutes,
                    serviceMinutes: route.serviceMinutes, workdays: route.workdays, vehicles: route.vehicleCount,
                    visits: route.visitCount,
                    cost: route.cost.map { ($0.cost * 100).rounded() / 100 }, idleDays: route.cost?.idleDays,
                    nightsAway: route.cost?.nightsAway))
        }
        unscheduled = plan.unscheduled.map {
            Unscheduled(
                vehicle: $0.vehicle, site: $0.site, route: $0.route, reason: $0.reason,
                forLackOfTime: $0.forLackOfTime ? true : nil, reasonMessage: $0.reasonMessage)
        }
        reasons = plan.reasons.isEmpty ? nil : plan.reasons
        savings = plan.savings.isEmpty ? nil : plan.savings.mapValues { ($0 * 100).rounded() / 100 }
        advice =
            plan.advice.isEmpty
            ? nil
            : plan.advice.map {
                Advice(route: $0.route, end: $0.end.description, addedWorkdays: $0.addedWorkdays, vehicles: $0.vehicles)
            }
        from = plan.from?.description
        done = plan.from == nil ? nil : plan.done
        totals = Totals(
            km: PlanDocument.tenths(routes.reduce(0) { $0 + $1.totals.km }), vehicles: plan.vehicleCount,
            unscheduled: Set(plan.unscheduled.map(\.vehicle)).count, done: plan.done.count,
            visits: plan.visitCount, cost: plan.cost.map { ($0 * 100).rounded() / 100 },
            workdays: plan.routes.reduce(0) { $0 + $1.workdays })
    }

    /// `km` rounded to 0.1, as plans write km.
    public static func tenths(_ km: Double) -> Double {
        (km * 10).rounded() / 10
    }
}

/// ISO 8601 times with the offset of a time zone.
public enum ISOTime {
    /// `2027-03-01T08:00:00+08:00` for a local moment in `timeZone`.
    public static func string(_ moment: LocalDateTime, timeZone: String) -> String {
        let zone = zone(timeZone)
        let offset = date(moment, timeZone: timeZone).map { zone.secondsFromGMT(for: $0) } ?? zone.secondsFromGMT()
        return "\(moment.description):00\(offsetText(offset))"
    }

    /// The instant of a local moment in `timeZone`.
    public static func date(_ moment: LocalDateTime, timeZone: String) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone(timeZone)
        let (year, month, day) = moment.day.components
        return calendar.date(
            from: DateComponents(
                year: year, month: month, day: day, hour: moment.minuteOfDay / 60, minute: moment.minuteOfDay % 60))
    }

    /// An instant in `timeZone`, to the second.
    public static func string(_ date: Date, timeZone: String) -> String {
        let zone = TimeZone(identifier: timeZone) ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let text = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return text + offsetText(zone.secondsFromGMT(for: date))
    }

    /// The calendar day of an instant in China's time zone, `YYYY-MM-DD`.
    public static func day(_ date: Date, timeZone: String = Route.defaultTimeZone) -> String {
        String(string(date, timeZone: timeZone).prefix(10))
    }

    /// The day `now` is in China's time zone; the clock is the caller's, so that tests can fix it.
    public static func today(at now: Date) -> CalendarDay {
        calendarDay(now) ?? CalendarDay(daysSinceEpoch: 0)
    }

    /// The calendar day of an instant in China's time zone.
    public static func calendarDay(_ date: Date) -> CalendarDay? {
        CalendarDay(iso: day(date))
    }

    /// The zone named `identifier`, China's offset when the system does not know it.
    private static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
    }

    private static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }
}
