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
}
