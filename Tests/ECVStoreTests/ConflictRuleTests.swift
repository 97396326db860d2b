import ECVModel
import ECVTestSupport
import Foundation
import Testing

@testable import ECVStore
@testable import ECVSync

/// Two laptops answering one item of one vehicle differently: a conflict, listed, both in the trail, and the
/// verdict never better than the worse answer until the office, or the laptop that gave it, answers again.
@Suite struct ConflictRuleTests {
    typealias Site = SyncTests.Site

    let laptopA: Site
    let laptopB: Site
    let office: Site

    init() throws {
        laptopA = try Site("laptop-a")
        laptopB = try Site("laptop-b", who: "Li Na")
        office = try Site("office", who: "Wang Fang")
        try office.trusts(laptopA, laptopB)
        try laptopA.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 0)
        try laptopB.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 10)
    }

    @Test(arguments: [true, false])
    func aLaterPassOfAnotherLaptopNeverHidesARealFailure(failFirst: Bool) throws {
        let fail = try laptopA.export()
        let pass = try laptopB.export()
        let reports = try (failFirst ? [fail, pass] : [pass, fail]).map { try office.importing($0) }
        #expect(reports.flatMap(\.conflicts).count == 1)
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
        let trail = try office.store.audit(ofVehicle: "HLJ-FIRE-01")
        #expect(trail.filter { $0.entity == "result" }.count == 2)
        #expect(trail.filter { $0.entity == "conflict" }.count == 1)
    }

    @Test func theOfficesOwnLaterRecordResolvesTheConflict() throws {
        try office.importing(laptopA.export())
        try office.importing(laptopB.export())
        try office.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 30)
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness != .notDeployable)
    }

    @Test func theOfficesRecordCountsEvenAfterAnAnswerDatedAheadOfItsClock() throws {
        // Laptop B's clock runs nine minutes ahead of the office's, inside the tolerance.
        try laptopB.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 39)
        try office.importing(laptopA.export(minutes: 40))
        try office.importing(laptopB.export(minutes: 40))
        try office.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 31)
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
        try office.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 32)
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness != .notDeployable)
    }

    @Test func aLaterAnswerOfTheLaptopWhoseFailureIsHeldResolvesIt() throws {
        try office.importing(laptopA.export())
        try office.importing(laptopB.export())
        try laptopA.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 60)
        try office.importing(laptopA.export(minutes: 120))
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness != .notDeployable)
    }

    @Test func anotherPassOfTheLaptopThatPassedDoesNotResolveIt() throws {
        try office.importing(laptopA.export())
        try office.importing(laptopB.export())
        try laptopB.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 60)
        try office.importing(laptopB.export(minutes: 120))
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
    }
}
