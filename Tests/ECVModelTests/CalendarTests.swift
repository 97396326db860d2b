import ECVModel
import Testing

@Suite struct CalendarDayTests {
    @Test(arguments: [
        ("2027-03-01", Weekday.mon), ("2027-04-05", .mon), ("2027-05-01", .sat), ("1970-01-01", .thu),
        ("2000-02-29", .tue), ("2026-11-26", .thu),
    ])
    func knowsTheWeekday(_ text: String, _ weekday: Weekday) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(day.weekday == weekday)
        #expect(day.description == text)
    }

    @Test(arguments: [
        "2027-02-29", "2027-13-01", "2027-00-10", "2027-4-05", "27-04-05", "2027-04-31", "", "2027/04/05",
        "2027-04-05T09:00", "２０２７-04-05",
    ])
    func rejectsImpossibleOrMalformedDays(_ text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test func leapDaysExistOnlyInLeapYears() {
        #expect(CalendarDay(iso: "2028-02-29") != nil)
        #expect(CalendarDay(iso: "2100-02-29") == nil)
        #expect(CalendarDay(iso: "2400-02-29") != nil)
    }

    @Test func componentsRoundTripOverCenturies() throws {
        let first = try #require(CalendarDay(iso: "1899-12-25"))
        for offset in stride(from: 0, to: 200_000, by: 37) {
            let day = first.adding(days: offset)
            let (year, month, dayOfMonth) = day.components
            #expect(CalendarDay(year: year, month: month, day: dayOfMonth) == day)
        }
    }

    @Test func countsDaysBetweenDates() throws {
        let start = try #require(CalendarDay(iso: "2027-03-01"))
        let end = try #require(CalendarDay(iso: "2027-04-09"))
        #expect(start.days(to: end) == 39)
        #expect(start.adding(days: 39) == end)
    }
}

@Suite struct DailyHoursTests {
    @Test(arguments: [("08:00-18:00", 480, 1080), ("00:00-24:00", 0, 1440), ("08:30-17:00", 510, 1020)])
    func parsesHours(_ text: String, _ start: Int, _ end: Int) throws {
        let hours = try #require(DailyHours(text))
        #expect(hours.startMinute == start && hours.endMinute == end)
        #expect(hours.description == text)
    }

    @Test(arguments: [
        "18:00-08:00", "08:00-08:00", "8:00-18:00", "08:00 - 18:00", "08:60-18:00", "25:00-26:00",
        "08:00", "08:00-18:00-19:00", "24:30-24:45",
    ])
    func rejectsMalformedHours(_ text: String) {
        #expect(DailyHours(text) == nil)
    }

    @Test func intersectsSiteAndWorkHours() throws {
        let work = try #require(DailyHours("08:00-18:00"))
        #expect(work.intersection(try #require(DailyHours("08:30-17:00")))?.description == "08:30-17:00")
        #expect(work.intersection(try #require(DailyHours("19:00-22:00"))) == nil)
    }

    @Test(arguments: ["2027-03-05T09:00", "2027-12-31T23:59"])
    func parsesAppointments(_ text: String) throws {
        #expect(try #require(LocalDateTime(iso: text)).description == text)
    }

    @Test(arguments: ["2027-03-05 09:00", "2027-03-05T24:00", "2027-03-05T9:00", "2027-02-30T09:00"])
    func rejectsMalformedAppointments(_ text: String) {
        #expect(LocalDateTime(iso: text) == nil)
    }
}

@Suite struct GeoPointTests {
    @Test func measuresGreatCircleKm() {
        let beijing = GeoPoint(lat: 39.9042, lon: 116.4074)
        let shanghai = GeoPoint(lat: 31.2304, lon: 121.4737)
        let km = beijing.greatCircleKm(to: shanghai)
        #expect(abs(km - 1067.3) < 1.0)
        #expect(beijing.greatCircleKm(to: beijing) == 0)
    }

    @Test func roadKmAndDriveMinutesFollowTheTravelModel() {
        let travel = TravelModel(speedKmh: 60, circuity: 1.5)
        let a = GeoPoint(lat: 0, lon: 0)
        let b = GeoPoint(lat: 0, lon: 1)
        let road = travel.roadKm(from: a, to: b)
        #expect(abs(road - a.greatCircleKm(to: b) * 1.5) < 1e-9)
        #expect(abs(travel.driveMinutes(roadKm: 120) - 120) < 1e-9)
    }
}
