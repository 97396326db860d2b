import ECVModel
import ECVTestSupport
import Testing

@Suite struct ApplicabilityTests {
    static let checklists = [
        Checklist(
            subsystem: .power, title: LocalizedText("Power"),
            items: [
                .make("generator-start", minutes: 15, appliesTo: ["generator"]),
                .make("grounding", minutes: 10),
            ]),
        Checklist(
            subsystem: .antenna, title: LocalizedText("Antenna"),
            items: [.make("acquire", subsystem: .antenna, minutes: 20, appliesTo: ["vsat", "flyaway"])]),
    ]

    @Test(arguments: [
        ([], ["power.grounding"], 10),
        (["generator"], ["power.generator-start", "power.grounding"], 25),
        (["flyaway"], ["antenna.acquire", "power.grounding"], 30),
        (["vsat", "flyaway", "generator"], ["antenna.acquire", "power.generator-start", "power.grounding"], 45),
    ])
    func itemsApplyByEquipmentTags(_ equipment: [String], _ expected: [String], _ minutes: Int) {
        let vehicle = Vehicle.make(equipment: equipment)
        #expect(Self.checklists.items(applyingTo: vehicle).map(\.fullID) == expected)
        #expect(Self.checklists.serviceMinutes(for: vehicle, setupMinutes: 20) == minutes + 20)
    }

    @Test func requiredSkillsAreEquipmentTagsThatAreSkills() {
        let vehicle = Vehicle.make(equipment: ["vsat", "ka-band", "generator", "hv-power"])
        #expect(vehicle.requiredSkills(among: ["ku-band", "ka-band", "hv-power"]) == ["ka-band", "hv-power"])
    }

    @Test func routeKnowsWorkdaysAndOpenDays() throws {
        let site = Site(
            id: "s", clientID: "c", location: GeoPoint(lat: 0, lon: 0), openDays: [.mon, .tue],
            unavailable: [try #require(CalendarDay(iso: "2027-03-02"))], vehicles: [])
        let route = Route(
            id: "r", teamID: "t", start: try #require(CalendarDay(iso: "2027-03-01")),
            end: try #require(CalendarDay(iso: "2027-03-31")), workdays: [.mon, .tue, .wed],
            workHours: try #require(DailyHours("08:00-18:00")),
            holidays: [try #require(CalendarDay(iso: "2027-03-08"))],
            sites: [site])
        let open = (1...31).compactMap { day in
            CalendarDay(year: 2027, month: 3, day: day).flatMap { route.isOpen(site, on: $0) ? day : nil }
        }
        #expect(open == [1, 9, 15, 16, 22, 23, 29, 30])
        #expect(route.isWorkday(try #require(CalendarDay(iso: "2027-03-03"))))
        #expect(!route.isWorkday(try #require(CalendarDay(iso: "2027-04-05"))))
    }
}
