import ECVModel
import ECVTestSupport
import Testing

@Suite struct VerdictTests {
    typealias Status = ItemResult.Status

    @Test(arguments: [
        ([(Severity.critical, Status.pass), (.major, .pass), (.minor, .pass)], SubsystemVerdict.pass),
        ([(.critical, .fail), (.major, .pass)], .fail),
        ([(.critical, .fail), (.major, .untested)], .fail),
        ([(.critical, .pass), (.major, .fail)], .degraded),
        ([(.critical, .pass), (.minor, .fail)], .degraded),
        ([(.critical, .untested), (.minor, .fail)], .degraded),
        ([(.critical, .untested), (.major, .pass)], .incomplete),
        ([(.critical, .pass), (.major, .untested)], .incomplete),
        ([(.critical, .pass), (.minor, .untested)], .pass),
        ([(.critical, .na), (.major, .na)], .pass),
    ])
    func subsystemVerdictFollowsTheRules(_ outcomes: [(Severity, Status)], _ expected: SubsystemVerdict) {
        #expect(VerdictRules.subsystemVerdict(outcomes.map { (severity: $0.0, status: $0.1) }) == expected)
    }

    static let items: [ChecklistItem] = [
        .make("generator-start", subsystem: .power, severity: .critical),
        .make("ups-autonomy", subsystem: .power, severity: .major),
        .make("radome", subsystem: .antenna, severity: .minor),
        .make("acquire", subsystem: .antenna, severity: .critical),
    ]

    static func results(_ statuses: [String: Status]) -> [ItemResult] {
        statuses.sorted { $0.key < $1.key }.map { ItemResult(itemID: $0.key, status: $0.value) }
    }

    static let vehicleCases: [([String: Status], Readiness)] = [
        ([:], Readiness.notInspected),
        (["power.generator-start": .fail], .notDeployable),
        (
            [
                "power.generator-start": .fail, "power.ups-autonomy": .fail, "antenna.radome": .pass,
                "antenna.acquire": .pass,
            ],
            .notDeployable
        ),
        (
            [
                "power.generator-start": .pass, "power.ups-autonomy": .fail, "antenna.radome": .pass,
                "antenna.acquire": .pass,
            ],
            .restricted
        ),
        (["power.generator-start": .pass, "power.ups-autonomy": .fail], .restricted),
        (["power.generator-start": .pass, "power.ups-autonomy": .pass, "antenna.acquire": .untested], .incomplete),
        (["power.generator-start": .pass, "power.ups-autonomy": .pass], .incomplete),
        (["power.generator-start": .pass, "power.ups-autonomy": .pass, "antenna.acquire": .pass], .deployable),
        (
            [
                "power.generator-start": .pass, "power.ups-autonomy": .na, "antenna.acquire": .pass,
                "antenna.radome": .fail,
            ],
            .deployable
        ),
        (["antenna.radome": .untested], .incomplete),
    ]

    @Test(arguments: vehicleCases)
    func vehicleVerdictFollowsTheRules(_ statuses: [String: Status], _ readiness: Readiness) {
        let verdict = VerdictRules.verdict(items: Self.items, results: Self.results(statuses))
        #expect(verdict.readiness == readiness)
    }

    @Test func verdictListsFailuresRestrictionsAndAdvisories() {
        let statuses: [String: Status] = [
            "antenna.radome": .fail, "power.ups-autonomy": .fail, "power.generator-start": .fail,
            "antenna.acquire": .pass,
        ]
        let verdict = VerdictRules.verdict(items: Self.items, results: Self.results(statuses))
        #expect(verdict.failed.map(\.itemID) == ["power.generator-start", "power.ups-autonomy", "antenna.radome"])
        #expect(verdict.groundingFailures == [Finding(itemID: "power.generator-start", severity: .critical)])
        #expect(verdict.restrictions == [Finding(itemID: "power.ups-autonomy", severity: .major)])
        #expect(verdict.advisories == [Finding(itemID: "antenna.radome", severity: .minor)])
        #expect(verdict.subsystems.map(\.subsystem) == [.antenna, .power])
        #expect(verdict.subsystems.map(\.verdict) == [.degraded, .fail])
    }

    @Test func latestResultOfAnItemCounts() {
        let repaired = [
            ItemResult(itemID: "power.generator-start", status: .fail, note: "starter dead"),
            ItemResult(itemID: "power.ups-autonomy", status: .pass),
            ItemResult(itemID: "antenna.acquire", status: .pass),
            ItemResult(itemID: "power.generator-start", status: .pass),
        ]
        #expect(VerdictRules.verdict(items: Self.items, results: repaired).readiness == .deployable)
        let relapsed = repaired + [ItemResult(itemID: "power.generator-start", status: .fail, note: "again")]
        #expect(VerdictRules.verdict(items: Self.items, results: relapsed).readiness == .notDeployable)
    }

    @Test func resultsOfItemsThatDoNotApplyAreIgnored() {
        let results = [ItemResult(itemID: "network.vpn", status: .fail, note: "down")]
        #expect(VerdictRules.verdict(items: Self.items, results: results).readiness == .notInspected)
    }

    @Test func untestedListsOnlyCriticalAndMajorItems() {
        let verdict = VerdictRules.verdict(
            items: Self.items, results: Self.results(["power.generator-start": .pass]))
        #expect(verdict.untested.map(\.itemID) == ["power.ups-autonomy", "antenna.acquire"])
    }

    @Test func readinessLabelsReadAsWords() {
        #expect(Readiness.notDeployable.label == "NOT DEPLOYABLE")
        #expect(Readiness.notDeployable.rawValue == "NOT_DEPLOYABLE")
    }
}
