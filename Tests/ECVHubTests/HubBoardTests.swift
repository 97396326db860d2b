import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// The hub's board is the laptops' board: the same bundles give every vehicle the same verdict at the office's
/// laptop (`ecv import`) and at the hub, conflicts between two laptops included (one rule, `AnswerRule`).
@Suite(.needs(.postgresql))
struct HubBoardTests {
    /// A vehicle's line of a board as compared: its readiness and the items behind it.
    struct Line: Equatable, CustomStringConvertible {
        var vehicle: String
        var readiness: Readiness
        var failed: [String]
        var untested: [String]

        var description: String { "\(vehicle) \(readiness) failed \(failed) untested \(untested.count)" }
    }

    static func lines(_ rows: [(String, VehicleVerdict)]) -> [Line] {
        rows.map { vehicle, verdict in
            Line(
                vehicle: vehicle, readiness: verdict.readiness, failed: verdict.failed.map(\.itemID).sorted(),
                untested: verdict.untested.map(\.itemID).sorted())
        }
    }

    @Test(arguments: [true, false])
    func theHubsBoardEqualsTheOfficeLaptopsForTheSameBundles(failingLaptopFirst: Bool) async throws {
        let laptopA = try HubLaptop("ne-1")
        let laptopB = try HubLaptop("ne-2", who: "Li Na")
        let office = try HubLaptop("office", who: "Wang Fang")
        try office.trusts([laptopA, laptopB])
        // Both laptops inspect HLJ-FIRE-01 in one visit: A finds the generator dead, B finds it starts.
        try laptopA.inspect("HLJ-FIRE-01", failing: ["power.generator-start"], minutes: 0)
        try laptopA.inspect("JL-FIRE-02", minutes: 30)
        try laptopB.inspect("HLJ-FIRE-01", minutes: 10)
        try laptopB.inspect("HLJ-EM-01", minutes: 20)
        try laptopB.answer("LN-FIRE-01", "power.generator-start", "pass", minutes: 40)
        let first = [try laptopA.export(), try laptopB.export()]
        // Later A, whose failure is held, finds the generator repaired.
        try laptopA.answer("HLJ-FIRE-01", "power.generator-start", "pass", minutes: 120)
        let second = try laptopA.export(minutes: 700)

        try await HubTestServer.with(now: HubLaptop.dayAfter) { hub in
            try await HubPageFixture.pushCatalog(hub)
            let keys = [
                try await HubPageFixture.enroll(laptopA, at: hub), try await HubPageFixture.enroll(laptopB, at: hub),
            ]
            let order = failingLaptopFirst ? [0, 1] : [1, 0]
            for index in order {
                try office.importing(first[index])
                _ = try await HubPageFixture.push(first[index], from: keys[index], to: hub).get()
            }
            let catalog = HubLaptop.catalog
            let laptopBoard = Self.lines(try office.store.board(catalog).map { ($0.vehicle, $0.verdict) })
            let hubBoard = Self.lines(try await hub.database.board(catalog).map { ($0.vehicle, $0.verdict) })
            #expect(hubBoard == laptopBoard)
            // The conflict mattered: the failure is held whatever came first.
            #expect(hubBoard.first { $0.vehicle == "HLJ-FIRE-01" }?.readiness == .notDeployable)
            #expect(hubBoard.first { $0.vehicle == "LN-FIRE-01" }?.readiness == .incomplete)
            #expect(hubBoard.first { $0.vehicle == "HLJ-EM-01" }?.readiness == .deployable)

            try office.importing(second, minutes: 1500)
            _ = try await HubPageFixture.push(second, from: keys[0], to: hub).get()
            let resolvedLaptop = Self.lines(try office.store.board(catalog).map { ($0.vehicle, $0.verdict) })
            let resolvedHub = Self.lines(try await hub.database.board(catalog).map { ($0.vehicle, $0.verdict) })
            #expect(resolvedHub == resolvedLaptop)
            #expect(resolvedHub.first { $0.vehicle == "HLJ-FIRE-01" }?.readiness == .deployable)
        }
    }

    @Test func theEmergencyViewListsDeployableVehiclesInTheRadiusNearestFirst() async throws {
        let laptop = try HubLaptop("ne-1")
        // Harbin: HLJ-EM-01 and HLJ-FIRE-01 pass, HLJ-FIRE-02 cannot go; Jilin city 210 km away, Shenyang 500 km.
        try laptop.inspect("HLJ-FIRE-01", minutes: 0)
        try laptop.inspect("HLJ-EM-01", minutes: 10)
        try laptop.inspect("HLJ-FIRE-02", failing: ["power.generator-start"], minutes: 20)
        try laptop.inspect("JL-FIRE-02", minutes: 30)
        try laptop.inspect("LN-FIRE-01", minutes: 40)
        let bundle = try laptop.export()
        try await HubTestServer.with(now: HubLaptop.dayAfter) { hub in
            try await HubPageFixture.pushCatalog(hub)
            _ = try await HubPageFixture.push(bundle, from: try await HubPageFixture.enroll(laptop, at: hub), to: hub)
                .get()
            let board = try await hub.database.board(HubLaptop.catalog)
            #expect(board.first { $0.vehicle == "HLJ-FIRE-02" }?.verdict.readiness == .notDeployable)
            let harbin = GeoPoint(lat: 45.75, lon: 126.63)
            func near(_ km: Double) -> [String] {
                NearbyVehicles(around: harbin, radiusKm: km, board: board, catalog: HubLaptop.catalog).vehicles
                    .map(\.row.vehicle)
            }
            #expect(near(100) == ["HLJ-EM-01", "HLJ-FIRE-01"])
            #expect(near(300) == ["HLJ-EM-01", "HLJ-FIRE-01", "JL-FIRE-02"])
            #expect(near(1000).last == "LN-FIRE-01")
            let found = NearbyVehicles(around: harbin, radiusKm: 300, board: board, catalog: HubLaptop.catalog)
            #expect(found.vehicles.map(\.distanceKm) == found.vehicles.map(\.distanceKm).sorted())
            #expect(found.vehicles.allSatisfy { $0.distanceKm <= 300 })
            #expect(found.vehicles.first?.client?.contact?.phone == "0451-82619038")
        }
    }

    @Test(arguments: [
        ("45.75", "126.63", "300", false, true), ("", "", "", false, false), ("91", "126", "100", true, false),
        ("45", "181", "100", true, false), ("45", "126", "0", true, false), ("45", "126", "abc", true, false),
        ("45,75", "126,63", "", false, true), ("nan", "126", "10", true, false),
    ])
    func anEmergencyQueryTakesAPointAndARadiusInRangeOnly(
        lat: String, lon: String, radius: String, bad: Bool, searches: Bool
    ) {
        let query = EmergencyQuery(lat: lat, lon: lon, radius: radius)
        #expect(query.isBad == bad)
        #expect((query.search != nil) == searches)
    }
}
