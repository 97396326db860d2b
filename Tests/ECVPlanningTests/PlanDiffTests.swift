import ECVCatalog
import ECVModel
import ECVTestSupport
import Testing

@testable import ECVPlanning

/// What changed between two plans, visit by visit and line by line.
@Suite struct PlanDiffTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog

    static func plan() throws -> TourPlan {
        try Planner(catalog: catalog, options: PlanCheckTests.options()).plan()
    }

    @Test func aPlanComparedWithItselfHasNoChanges() throws {
        let plan = try Self.plan()
        let diff = PlanDiff(from: plan, to: plan)
        #expect(diff.changes.isEmpty)
        #expect(diff.unchanged == plan.vehicleCount)
        #expect(diff.lines.allSatisfy { $0.kmBefore == $0.kmAfter && $0.workdaysBefore == $0.workdaysAfter })
    }

    @Test func aVisitOnAnotherDayIsMovedAndOneLeftOutIsDroppedWithItsReason() throws {
        let plan = try Self.plan()
        var next = plan
        let route = try #require(next.routes.firstIndex { $0.stops.count >= 2 })
        var moved = next.routes[route].stops[0].visits[0]
        moved.start = LocalDateTime(day: moved.start.day.adding(days: 1), minuteOfDay: moved.start.minuteOfDay)
        moved.end = LocalDateTime(day: moved.end.day.adding(days: 1), minuteOfDay: moved.end.minuteOfDay)
        next.routes[route].stops[0].visits[0] = moved
        let dropped = try #require(next.routes[route].stops[1].visits.last)
        next.routes[route].stops[1].visits.removeLast()
        next.unscheduled.append(
            Unscheduled(vehicle: dropped.vehicle, site: "s", route: next.routes[route].route, reason: "site closed"))
        let diff = PlanDiff(from: plan, to: next)
        #expect(diff.changes(.moved).map(\.vehicle) == [moved.vehicle])
        #expect(diff.changes(.moved).first?.after?.start == moved.start)
        #expect(diff.changes(.dropped).map(\.vehicle) == [dropped.vehicle])
        #expect(diff.changes(.dropped).first?.reason == "site closed")
        #expect(diff.unchanged == plan.vehicleCount - 2)
        let line = try #require(diff.lines.first { $0.route == plan.routes[route].route })
        #expect(line.vehiclesBefore == line.vehiclesAfter + 1)
    }

    @Test func aRecheckBesideTheKeptInspectionIsAddedAndTheInspectionUnchanged() throws {
        let plan = try Self.plan()
        var next = plan
        let route = try #require(next.routes.firstIndex { !$0.stops.isEmpty })
        var recheck = next.routes[route].stops[0].visits[0]
        recheck.purpose = .recheck
        next.routes[route].stops[0].visits.append(recheck)
        let diff = PlanDiff(from: plan, to: next)
        #expect(diff.changes.count == 1)
        #expect(diff.changes.first?.kind == .added)
        #expect(diff.changes.first?.purpose == .recheck)
        #expect(diff.changes.first?.reason == "re-check of the failed items")
        #expect(diff.unchanged == plan.vehicleCount)
    }
}
