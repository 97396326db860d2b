import ECVModel
import ECVPlanning
import Foundation
import PostgresNIO

/// Each line's progress against the published plan, day by day.
public struct LineProgress: Sendable, Equatable {
    /// The published plan's version; `nil` when none is published (then `lines` is empty).
    public var planVersion: Int?
    /// The plan's lines, in its order.
    public var lines: [Line]

    /// One line of the plan.
    public struct Line: Sendable, Equatable {
        /// The line's id.
        public var route: String
        /// Its name in Routes/, when it is there.
        public var name: LocalizedText?
        /// Its days with a visit or a drive, in order.
        public var days: [Day]

        /// Visits planned on the line (a vehicle visited twice counts twice).
        public var plannedVehicles: Int { days.reduce(0) { $0 + $1.plannedVehicles } }
        /// Of them, done.
        public var doneVehicles: Int { days.reduce(0) { $0 + $1.doneVehicles } }
        /// km planned on the line.
        public var plannedKm: Double { days.reduce(0) { $0 + $1.plannedKm } }
        /// Of them, driven.
        public var doneKm: Double { days.reduce(0) { $0 + $1.doneKm } }
    }

    /// One working day of a line.
    ///
    /// A planned vehicle is done when the hub holds an inspection of it started that day or later (in the line's
    /// time zone). The km of a day count as driven when some vehicle of that day or a later one is done: the team
    /// has been that far.
    public struct Day: Sendable, Equatable {
        /// The day, in the line's time zone.
        public var day: CalendarDay
        /// Vehicles visited that day in the plan.
        public var plannedVehicles: Int
        /// Of them, done.
        public var doneVehicles: Int
        /// km of the day's driving in the plan.
        public var plannedKm: Double
        /// The same km once the team has been that far; else 0.
        public var doneKm: Double
    }
}

extension HubDatabase {
    /// Each line of the latest published plan, with what the hub's inspections show done.
    public func lineProgress() async throws(HubError) -> LineProgress {
        guard let catalog = try await currentCatalog(),
            let published = try await rows("SELECT version, json FROM published_plan ORDER BY version DESC LIMIT 1")
                .first
        else { return LineProgress(planVersion: nil, lines: []) }
        let version: Int
        let plan: TourPlan
        do {
            let (number, json) = try published.decode((Int, String).self)
            version = number
            plan = try TourPlan(json: json, routes: catalog.routes)
        } catch {
            throw HubError.database("the published plan does not read: \(error)")
        }
        var inspected: [String: [Date]] = [:]
        for row in try await rows("SELECT vehicle_id, started_at FROM inspection") {
            do {
                let (vehicle, started) = try row.decode((String, Date).self)
                inspected[vehicle, default: []].append(started)
            } catch {
                throw HubError.database("inspection row: \(error)")
            }
        }
        let lines = plan.routes.map { route in
            Self.progress(of: route, name: catalog.route(withID: route.route)?.name, inspected: inspected)
        }
        return LineProgress(planVersion: version, lines: lines)
    }

    /// One line's days: planned visits and km from the plan, done from the inspections' start times.
    static func progress(of route: RoutePlan, name: LocalizedText?, inspected: [String: [Date]]) -> LineProgress.Line {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: route.timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
        func day(of date: Date) -> CalendarDay? {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
            return CalendarDay(year: year, month: month, day: day)
        }
        var vehicles: [CalendarDay: Set<String>] = [:]
        var done: [CalendarDay: Set<String>] = [:]
        for visit in route.stops.flatMap(\.visits) {
            vehicles[visit.start.day, default: []].insert(visit.vehicle)
            let started = (inspected[visit.vehicle] ?? []).compactMap(day(of:))
            if started.contains(where: { $0 >= visit.start.day }) {
                done[visit.start.day, default: []].insert(visit.vehicle)
            }
        }
        var km: [CalendarDay: Double] = [:]
        for stretch in route.legs.flatMap(\.stretches) { km[stretch.start.day, default: 0] += stretch.km }
        let days = Set(vehicles.keys).union(km.keys).sorted()
        let reached = done.keys.max()
        return LineProgress.Line(
            route: route.route, name: name,
            days: days.map { day in
                let planned = km[day] ?? 0
                return LineProgress.Day(
                    day: day, plannedVehicles: vehicles[day]?.count ?? 0, doneVehicles: done[day]?.count ?? 0,
                    plannedKm: planned, doneKm: reached.map { day <= $0 } == true ? planned : 0)
            })
    }
}
