import ECVModel
import ECVRouting

/// The start windows of one vehicle's visit on a route's work clock: one per open day of the site,
/// the visiting hours (site hours ∩ work hours) shortened by the visit's minutes.
enum VisitWindows {
    /// The windows of `job`'s visit; with `appointment` (the site's, while its first visit is still to come)
    /// the appointed vehicle starts exactly then and the site's other vehicles no earlier.
    static func windows(
        for job: Catalog.VehiclePlacement, minutes: Int, on route: Route, _ clock: WorkClock,
        appointment: LocalDateTime?
    ) -> [TimeWindow] {
        let site = job.site
        guard let hours = route.visitingHours(at: site), hours.minutes >= minutes else { return [] }
        var windows: [TimeWindow] = []
        for (index, day) in clock.days.enumerated() where route.isOpen(site, on: day) {
            let start = clock.minute(day: index, minuteOfDay: hours.startMinute)
            let end = clock.minute(day: index, minuteOfDay: hours.endMinute - minutes)
            windows.append(TimeWindow(Double(start), Double(end)))
        }
        guard let appointment else { return windows }
        // The appointment fixes the first visit at the site; the site's other vehicles follow it.
        guard let pinned = clock.minute(of: appointment).map(Double.init) else { return [] }
        if job.vehicle.id == appointedVehicle(of: site) {
            let fits = windows.contains { $0.start <= pinned && pinned <= $0.end }
            return fits ? [TimeWindow(pinned, pinned)] : []
        }
        return windows.compactMap { window in
            window.end < pinned ? nil : TimeWindow(max(window.start, pinned), window.end)
        }
    }

    /// The appointment `placement`'s first visit must keep: its site's, when it is the appointed vehicle.
    static func appointment(keptBy placement: Catalog.VehiclePlacement) -> LocalDateTime? {
        placement.vehicle.id == appointedVehicle(of: placement.site) ? placement.site.appointment : nil
    }

    /// The vehicle whose visit keeps the appointment: the first high-priority one, else the first listed.
    static func appointedVehicle(of site: Site) -> String? {
        (site.vehicles.first { $0.priority == .high } ?? site.vehicles.first)?.id
    }
}
