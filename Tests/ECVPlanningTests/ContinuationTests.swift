import ECVCatalog
import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// Re-plans from a day on: what took place stays, the rest is planned again, checked independently.
@Suite struct ContinuationTests {
    /// The verdict on `items` when the first one passes, fails or is left untested and the others pass.
    static func verdict(items: [ChecklistItem], first status: ItemResult.Status) -> VehicleVerdict {
        let results = items.enumerated().map { index, item in
            ItemResult(itemID: item.fullID, status: index == 0 ? status : .pass)
        }
        return VerdictRules.verdict(items: items, results: results)
    }

    /// `plan` after storage: written as `ecv-plan/1` and read back, as re-plans read the published plan.
    static func stored(_ plan: TourPlan) throws -> TourPlan {
        let json = String(decoding: try JSONEncoder().encode(PlanDocument(plan, generated: .now)), as: UTF8.self)
        return try TourPlan(json: json)
    }

    struct Visit: Equatable {
        var route: String
        var vehicle: String
        var start: LocalDateTime
        var end: LocalDateTime
        var purpose: RoutePlan.Visit.Purpose
    }

    static func visits(_ routes: [RoutePlan]) -> [Visit] {
        routes.flatMap { route in
            route.stops.flatMap(\.visits).map {
                Visit(route: route.route, vehicle: $0.vehicle, start: $0.start, end: $0.end, purpose: $0.purpose)
            }
        }
    }

    @Test(arguments: 0..<40)
    func aReplanKeepsWhatTookPlaceAndPlansTheRestValidly(_ seed: Int) throws {
        let catalog = RandomTours.make(seed: UInt64(seed))
        let first = try Self.stored(Planner(catalog: catalog, options: PlanCheckTests.options()).plan())
        let visits = Self.visits(first.routes)
        guard visits.count >= 4 else { return }
        // From the day of the middle visit: the visits before it took place, with every kind of outcome,
        // except one that was missed.
        let from = visits.sorted { $0.start < $1.start }[visits.count / 2].start.day
        let before = visits.filter { $0.start.day < from }
        var random = SeededGenerator(seed: UInt64(seed))
        let outcomes: [ItemResult.Status?] = [.pass, .fail, .untested, nil]
        var verdicts: [String: VehicleVerdict] = [:]
        var checker = PlanChecker(catalog: catalog)
        for visit in before {
            let placement = try #require(catalog.placement(ofVehicle: visit.vehicle))
            let items = catalog.items(applyingTo: placement.vehicle)
            guard let outcome = outcomes.randomElement(using: &random), let status = outcome else { continue }
            let verdict = Self.verdict(items: items, first: status)
            verdicts[visit.vehicle] = verdict
            if verdict.readiness != .deployable {
                checker.partialMinutes[visit.vehicle] = items[0].minutes
            }
        }
        let continuation = Continuation(previous: first, from: from, verdicts: verdicts, catalog: catalog)
        checker.kept = Set(continuation.kept.map(\.vehicle))
        var options = PlanCheckTests.options()
        options.continuation = continuation
        let next = try Self.stored(Planner(catalog: catalog, options: options).plan())
        let data = try JSONEncoder().encode(PlanDocument(next, generated: .now))
        let problems = checker.check(data)
        #expect(problems == [], "seed \(seed)")

        let after = Self.visits(next.routes)
        // The past stays as published, the missed visit too: what happened is what the store says.
        #expect(after.filter { $0.start.day < from } == before, "seed \(seed)")
        for (vehicle, verdict) in verdicts where verdict.readiness != .deployable {
            let later = after.filter { $0.vehicle == vehicle && $0.start.day >= from }
            let unscheduled = next.unscheduled.contains { $0.vehicle == vehicle }
            #expect(later.count + (unscheduled ? 1 : 0) == 1, "seed \(seed) \(vehicle)")
            let purpose: RoutePlan.Visit.Purpose = verdict.readiness == .incomplete ? .completion : .recheck
            #expect(later.allSatisfy { $0.purpose == purpose })
        }
    }

    @Test func aRouteNothingTouchedKeepsItsItinerary() throws {
        let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
        let first = try Self.stored(Planner(catalog: catalog, options: PlanCheckTests.options()).plan())
        let northChina = try #require(first.routes.first { $0.route == "north-china" })
        let inspected = try #require(northChina.stops.first?.visits.first)
        let from = inspected.start.day.adding(days: 1)
        let items = try #require(catalog.placement(ofVehicle: inspected.vehicle)).vehicle
        let continuation = Continuation(
            previous: first, from: from,
            verdicts: [inspected.vehicle: Self.verdict(items: catalog.items(applyingTo: items), first: .pass)],
            catalog: catalog)
        var options = PlanCheckTests.options()
        options.continuation = continuation
        let next = try Self.stored(Planner(catalog: catalog, options: options).plan())
        // Northeast starts in April and nothing happened there: its plan is the same to the minute.
        let before = try #require(first.routes.first { $0.route == "northeast" })
        let after = try #require(next.routes.first { $0.route == "northeast" })
        #expect(Self.visits([before]) == Self.visits([after]))
        #expect(before.legs.map(\.depart) == after.legs.map(\.depart))
        #expect(before.km == after.km)

        let changes = PlanDiff(from: first, to: next, context: .init(from: from, done: continuation.done))
        #expect(!changes.changes.contains { $0.vehicle == inspected.vehicle })
        #expect(
            changes.changes.allSatisfy { change in
                northChina.stops.flatMap(\.visits).contains { $0.vehicle == change.vehicle }
            })
    }

    @Test func aRouteOverBeforeTheDayLeavesItsVehiclesUnscheduledWithTheReason() throws {
        let catalog = RandomTours.make(seed: 5)
        let first = try Self.stored(Planner(catalog: catalog, options: PlanCheckTests.options()).plan())
        let last = try #require(catalog.routes.map(\.end).max())
        var options = PlanCheckTests.options()
        options.continuation = Continuation(
            previous: first, from: last.adding(days: 1), verdicts: [:], catalog: catalog)
        let next = try Planner(catalog: catalog, options: options).plan()
        #expect(next.vehicleCount == 0)
        #expect(next.unscheduled.count == catalog.placements.count)
        #expect(next.unscheduled.allSatisfy { $0.reason.contains("has no working day left on or after") })
    }
}
