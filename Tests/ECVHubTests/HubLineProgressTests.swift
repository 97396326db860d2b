import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// Each line's progress against the published plan: vehicles and km planned per day from the plan, done from the
/// inspections the hub holds.
@Suite(.needs(.postgresql))
struct HubLineProgressTests {
    @Test func theLinesShowThePlannedDaysAndTheVehiclesInspected() async throws {
        let (key, bytes, _) = try HubPushTests.signedBundle(carryingPlan: true)
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let planned = try SampleSeason(in: folder).plan.routes
        let now: @Sendable () -> Date = { HubPushTests.exported }
        try await HubTestServer.with(now: now) { hub in
            #expect(try await hub.database.lineProgress() == LineProgress(planVersion: nil, lines: []))
            _ = try await hub.office.enroll(hub.enrollment("ne-1", key.publicKey, role: "office"))
            let office = hub.client(signedBy: "ne-1") { try key.signature(for: $0) }
            _ = try await office.pushCatalog(HubPushTests.catalogFiles())
            _ = try await office.push(bundle: bytes)
            let progress = try await hub.database.lineProgress()
            #expect(progress.planVersion != nil)
            #expect(progress.lines.map(\.route) == planned.map(\.route))
            for (line, route) in zip(progress.lines, planned) {
                #expect(line.plannedVehicles == route.visitCount)
                #expect(abs(line.plannedKm - route.km) < 0.05)
                #expect(line.days.map(\.day) == line.days.map(\.day).sorted())
            }
            // The season inspected four vehicles of the northeast line, each on its planned day.
            let northeast = try #require(progress.lines.first { $0.route == "northeast" })
            #expect(northeast.doneVehicles == 4)
            let reached = try #require(northeast.days.last { $0.doneVehicles > 0 }).day
            for day in northeast.days {
                #expect(day.doneKm == (day.day <= reached ? day.plannedKm : 0))
            }
            #expect(progress.lines.filter { $0.route != "northeast" }.allSatisfy { $0.doneVehicles == 0 })
        }
    }
}
