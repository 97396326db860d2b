import ECVModel
import ECVPlanning
import Testing

/// Why a vehicle is left out: the planner decides on the value, the plan stores its words.
@Suite struct UnscheduledReasonTests {
    /// 2027-04-30.
    static let end = CalendarDay(daysSinceEpoch: 20_938)

    @Test func onlyTimeShortReasonsAskForMoreWorkingDays() {
        #expect(UnscheduledReason.tooFar(end: Self.end).isForLackOfTime)
        #expect(UnscheduledReason.noRoom(team: "team-ne", end: Self.end).isForLackOfTime)
        let others: [UnscheduledReason] = [
            .missingSkills(missing: ["ku-band"], team: "team-ne"), .overCapacity(team: "team-ne"),
            .teamHome(team: "team-ne", since: Self.end), .siteAlwaysClosed(route: "northeast"),
            .appointmentPassed(appointment: "2027-03-05T09:00", site: "hrb-fire-1"),
            .appointmentNotKept(appointment: "2027-03-05T09:00", site: "hrb-fire-1"),
            .followsAppointment(appointment: "2027-03-05T09:00", site: "hrb-fire-1"),
        ]
        for reason in others { #expect(!reason.isForLackOfTime, "\(reason)") }
    }

    @Test func theStoredWordsAreThoseOfEarlierPlans() {
        // Plans stored by earlier releases carry these words; a plan read back must say the same.
        #expect(
            UnscheduledReason.tooFar(end: Self.end).description
                == "does not fit before 2027-04-30: too far to reach and return in time")
        #expect(
            UnscheduledReason.noRoom(team: "team-ne", end: Self.end).description
                == "no room left in team-ne's tour before 2027-04-30")
        #expect(
            UnscheduledReason.missingSkills(missing: ["ku-band"], team: "team-b").description
                == "needs ku-band, team-b lacks it")
    }

    /// One reason of each kind.
    static func everyKind() throws -> [UnscheduledReason] {
        let work = try #require(DailyHours("07:30-17:30"))
        let site = try #require(DailyHours("09:00-12:00"))
        return [
            .missingSkills(missing: ["ku-band", "c-band"], team: "team-ne"), .overCapacity(team: "team-ne"),
            .noCommonHours(workHours: work), .longerThanADay(minutes: 600, hours: site),
            .noWorkingDayLeft(route: "northeast", from: end), .teamHome(team: "team-ne", since: end),
            .siteAlwaysClosed(route: "northeast"),
            .appointmentPassed(appointment: "2027-03-05T09:00", site: "hrb-fire-1"),
            .appointmentNotKept(appointment: "2027-03-05T09:00", site: "hrb-fire-1"),
            .followsAppointment(appointment: "2027-03-05T09:00", site: "hrb-fire-1"), .tooFar(end: end),
            .noRoom(team: "team-ne", end: end),
        ]
    }

    /// The kind of `reason` as a number; without a `default`, a new kind does not compile until it is listed here
    /// and in `everyKind`.
    static func kind(_ reason: UnscheduledReason) -> Int {
        switch reason {
        case .missingSkills: return 0
        case .overCapacity: return 1
        case .noCommonHours: return 2
        case .longerThanADay: return 3
        case .noWorkingDayLeft: return 4
        case .teamHome: return 5
        case .siteAlwaysClosed: return 6
        case .appointmentPassed: return 7
        case .appointmentNotKept: return 8
        case .followsAppointment: return 9
        case .tooFar: return 10
        case .noRoom: return 11
        }
    }

    @Test func everyReasonHasChineseAndEnglishWordsFromTheCatalogue() throws {
        let reasons = try Self.everyKind()
        #expect(Set(reasons.map(Self.kind)) == Set(0..<12), "every kind of reason is listed")
        for reason in reasons {
            let message = reason.message
            let entry = try #require(Messages.catalogue[message.key], "\(reason) has no words in the catalogue")
            #expect(Messages.placeholders(in: entry.en) == Set(1...max(1, message.arguments.count)), "\(message.key)")
            let zh = message.text(Messages(.zh))
            let en = message.text(Messages(.en))
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(message.key): \(zh)")
            #expect(!zh.contains("{") && !en.contains("{"), "every value is filled in: \(zh) / \(en)")
            for argument in message.arguments { #expect(zh.contains(argument) && en.contains(argument)) }
            // The English words are those a plan stores, as earlier plans stored them.
            #expect(en == reason.description)
        }
    }
}
