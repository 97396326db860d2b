import ECVTestSupport
import Foundation
import Testing

/// Only the office publishes: a key is enrolled with a role, and a laptop's plans never reach the office.
@Suite struct OfficeRoleTests {
    typealias Pair = SyncCommandTests.Pair

    @Test func aKeyEnrolledWithTheOfficeRoleIsListedWithIt() throws {
        let pair = try Pair()
        #expect(try ECVRunner.run(["keys", "init", "--laptop", "hq"] + pair.office).status == 0)
        let office = pair.officeFolder.url.appendingPathComponent("keys/laptop-hq-ed25519.pub").path
        let run = try ECVRunner.run(["laptops", "enroll", "hq", office, "--office"] + pair.laptop)
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix(", with the office role\n"))
        let table = try ECVRunner.run(["laptops", "list"] + pair.laptop).stdout
        #expect(table.split(separator: "\n").contains { $0.hasPrefix("hq ") && $0.contains(" office ") })
        let json = try ECVRunner.run(["laptops", "list", "--format", "json"] + pair.office).stdout
        #expect(json.replacingOccurrences(of: " ", with: "").contains(#""role":"laptop""#))
    }

    @Test func aLaptopsOwnPublishedPlanNeverLeavesIt() throws {
        let pair = try Pair()
        #expect(try ECVRunner.run(["plan", "--iterations", "50"] + pair.laptop).status == 0)
        #expect(try ECVRunner.run(["plan", "publish"] + pair.laptop).status == 0)
        _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + pair.laptop)
        let bundle = pair.laptopFolder.url.appendingPathComponent("b.ecvbundle").path
        let export = try ECVRunner.run(["export", "--out", bundle] + pair.laptop)
        #expect(export.status == 0)
        #expect(!export.stdout.contains("published plan"))
        let imported = try ECVRunner.run(["import", bundle] + pair.office)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 new results"))
        #expect(!imported.stdout.contains("follows the published plan"))
        #expect(!(try ECVRunner.run(["plan", "list"] + pair.office).stdout.contains("published")))
    }
}
