import ECVTestSupport
import Testing

/// A few short seasons played through, every invariant checked after every step.
@Suite struct SeasonSimulationTests {
    @Test func shortSeasonsKeepEveryInvariant() throws {
        var violations: [SeasonViolation] = []
        for seed: UInt64 in [1, 2] {
            var settings = SeasonSimulator.Settings(seed: seed, days: 21)
            settings.iterations = 60
            let outcome = try SeasonSimulator(settings: settings).run()
            // A season that records nothing or never replans keeps every invariant and proves nothing.
            #expect(outcome.answers > 100, "seed \(seed): \(outcome.answers) answers")
            #expect(outcome.replans > 0, "seed \(seed): no replan")
            violations += outcome.violations
        }
        let byInvariant = Dictionary(grouping: violations, by: \.invariant)
        for invariant in SeasonInvariant.allCases {
            // The first few say enough; the rest are alike.
            let all = byInvariant[invariant] ?? []
            let found = all.prefix(3).map(\.description) + (all.count > 3 ? ["… \(all.count - 3) more"] : [])
            #expect(found.isEmpty, "\(invariant.rawValue):\n\(found.joined(separator: "\n"))")
        }
    }

    @Test func theReplayCommandGivesWhatTheSeedDoesNotSay() {
        var settings = SeasonSimulator.Settings(seed: 5, days: 21)
        settings.iterations = 60
        #expect(settings.replay == "swift run -c release season-sim --seasons 1 --seed 5 --days 21 --iterations 60")
    }

    @Test func aSeedPlaysTheSameSeasonTwice() throws {
        var settings = SeasonSimulator.Settings(seed: 7, days: 10)
        settings.iterations = 40
        let first = try SeasonSimulator(settings: settings).run()
        let second = try SeasonSimulator(settings: settings).run()
        #expect(first.faults == second.faults)
        #expect(first.answers == second.answers)
        #expect(first.replans == second.replans)
        #expect(first.violations.map(\.breach) == second.violations.map(\.breach))
    }

    @Test func aViolationNamesTheCommandThatReplaysItsSeason() {
        let violation = SeasonViolation(
            breach: InvariantBreach(.onePlace, "V-1 is in 2 places"), seed: 42, step: 7, action: "replan",
            day: .init(daysSinceEpoch: 20_000), replay: SeasonSimulator.Settings(seed: 42).replay)
        #expect(violation.description.hasSuffix("replay: swift run -c release season-sim --seasons 1 --seed 42"))
        #expect(violation.description.contains("step 7"))
    }
}
