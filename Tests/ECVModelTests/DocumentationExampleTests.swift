import ECVModel
import Testing

/// The worked example of the module's documentation (`ECVModel.docc/ECVModel.md`), run as written there.
@Suite struct DocumentationExampleTests {
    @Test func aFailedGeneratorGroundsTheVehicle() {
        let items = [
            ChecklistItem(
                id: "generator-start", subsystem: .power, title: LocalizedText(zh: "发电机启动", en: "Generator start"),
                kind: .check, severity: .critical, minutes: 10, appliesTo: ["generator"]),
            ChecklistItem(
                id: "ups-autonomy", subsystem: .power, title: LocalizedText(zh: "UPS 续航", en: "UPS autonomy"),
                kind: .measure(unit: "min", limits: Limits(min: 30)), severity: .major, minutes: 20),
        ]
        let vehicle = Vehicle(id: "HLJ-FIRE-01", equipment: ["generator"])
        let verdict = VerdictRules.verdict(
            items: items.filter { $0.applies(to: vehicle) },
            results: [
                ItemResult(itemID: "power.generator-start", status: .fail, note: "no start after three tries"),
                ItemResult(itemID: "power.ups-autonomy", status: .pass, value: 42),
            ])
        #expect(verdict.readiness == .notDeployable)
        #expect(verdict.groundingFailures.map(\.itemID) == ["power.generator-start"])
        #expect(verdict.subsystems == [.init(subsystem: .power, verdict: .fail)])
    }
}
