import ECVModel
import ECVTestSupport

/// Random small tours for the plan checker: sites around a base, random hours, closed days, holidays,
/// unavailable days, appointments, daily driving limits, one team sometimes running two lines.
enum RandomTours {
    static let tags = ["vsat", "ka-band", "generator", "ups"]

    static func make(seed: UInt64) -> Catalog {
        var random = SeededGenerator(seed: seed)
        let checklists = [
            Checklist(
                subsystem: .power, title: LocalizedText("Power"),
                items: [
                    .make("generator", minutes: Int.random(in: 20...60, using: &random), appliesTo: ["generator"]),
                    .make("grounding", minutes: Int.random(in: 10...40, using: &random)),
                ]),
            Checklist(
                subsystem: .antenna, title: LocalizedText("Antenna"),
                items: [
                    .make(
                        "drive", subsystem: .antenna, minutes: Int.random(in: 30...90, using: &random),
                        appliesTo: ["vsat"])
                ]),
        ]
        let base = GeoPoint(
            lat: Double.random(in: 25...40, using: &random), lon: Double.random(in: 105...120, using: &random))
        let teams = [
            Team(
                id: "team-a", name: LocalizedText("A"), skills: ["ka-band"],
                base: Team.Base(name: LocalizedText("base"), location: base)),
            Team(
                id: "team-b", name: LocalizedText("B"), skills: [],
                base: Team.Base(name: LocalizedText("base"), location: base)),
        ]
        let clients = [Client(id: "client", name: LocalizedText("Client"), sector: .fire)]
        let first =
            CalendarDay(year: 2027, month: 3, day: Int.random(in: 1...10, using: &random))
            ?? CalendarDay(daysSinceEpoch: 0)
        var routes: [Route] = []
        let twoLines = Bool.random(using: &random)
        var start = first
        for line in 0..<(twoLines ? 2 : 1) {
            let length = Int.random(in: 8...24, using: &random)
            let end = start.adding(days: length)
            let workdays = Weekday.allCases.filter { _ in Int.random(in: 0..<10, using: &random) < 8 }
            let startHour = Int.random(in: 7...9, using: &random)
            let endHour = startHour + Int.random(in: 8...10, using: &random)
            guard let workHours = DailyHours(startMinute: startHour * 60, endMinute: endHour * 60) else { break }
            let holidays = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                start.adding(days: Int.random(in: 0...length, using: &random))
            }
            var route = Route(
                id: "line-\(line)", teamID: line == 0 || twoLines ? "team-a" : "team-b", start: start, end: end,
                workdays: workdays.isEmpty ? [.mon, .wed] : workdays, workHours: workHours, holidays: holidays,
                maxDriveHours: Bool.random(using: &random) ? Double(Int.random(in: 2...7, using: &random)) : nil,
                setupMinutes: Int.random(in: 0...30, using: &random),
                travel: TravelModel(
                    speedKmh: Double.random(in: 50...90, using: &random),
                    circuity: Double.random(in: 1.1...1.5, using: &random)),
                sites: [])
            route.sites = (0..<Int.random(in: 3...9, using: &random)).map { index in
                makeSite("s\(line)-\(index)", near: base, route: route, &random)
            }
            // Some sites share a yard's coordinates: legs of 0 km between them.
            for index in route.sites.indices.dropFirst() where Int.random(in: 0..<5, using: &random) == 0 {
                route.sites[index].location = route.sites[index - 1].location
            }
            routes.append(route)
            start = end.adding(days: Int.random(in: 1...5, using: &random))
        }
        return Catalog(checklists: checklists, teams: teams, clients: clients, routes: routes)
    }

    private static func makeSite(_ id: String, near base: GeoPoint, route: Route, _ random: inout SeededGenerator)
        -> Site
    {
        let location = GeoPoint(
            lat: base.lat + Double.random(in: -6...6, using: &random),
            lon: base.lon + Double.random(in: -6...6, using: &random))
        let vehicles = (0..<Int.random(in: 1...3, using: &random)).map { index in
            Vehicle(
                id: "\(id)-v\(index)", equipment: tags.filter { _ in Bool.random(using: &random) },
                priority: Int.random(in: 0..<4, using: &random) == 0 ? .high : .normal)
        }
        let openDays =
            Bool.random(using: &random)
            ? Weekday.allCases.filter { _ in Int.random(in: 0..<10, using: &random) < 7 } : nil
        let openStart = Int.random(in: 7...10, using: &random) * 60 + (Bool.random(using: &random) ? 30 : 0)
        let openHours =
            Bool.random(using: &random)
            ? DailyHours(startMinute: openStart, endMinute: openStart + Int.random(in: 5...9, using: &random) * 60)
            : nil
        let span = route.start.days(to: route.end)
        let unavailable = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            route.start.adding(days: Int.random(in: 0...span, using: &random))
        }
        var site = Site(
            id: id, clientID: "client", location: location, openDays: openDays?.isEmpty == true ? nil : openDays,
            openHours: openHours, unavailable: unavailable, vehicles: vehicles)
        if Int.random(in: 0..<5, using: &random) == 0 { site.appointment = appointment(for: site, on: route, &random) }
        return site
    }

    /// A valid appointment: an open working day, inside the visiting hours.
    private static func appointment(for site: Site, on route: Route, _ random: inout SeededGenerator) -> LocalDateTime?
    {
        guard let hours = route.visitingHours(at: site) else { return nil }
        let span = route.start.days(to: route.end)
        let open = (0...span).map { route.start.adding(days: $0) }.filter { route.isOpen(site, on: $0) }
        guard let day = open.randomElement(using: &random) else { return nil }
        let minute = hours.startMinute + Int.random(in: 0...max(0, hours.minutes / 2), using: &random) / 30 * 30
        return LocalDateTime(day: day, minuteOfDay: minute)
    }
}
