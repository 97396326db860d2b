import ECVModel
import ECVPlanning
import ECVTestSupport
import Foundation
import Testing

/// Each plan invariant check accepts a good plan and catches a broken one.
@Suite struct PlanInvariantCheckTests {
    @Test func onePlaceAcceptsAFirstPlanAndCatchesAVehicleDroppedOrCountedTwice() throws {
        let tour = try SmallTour()
        let check = PlacementCheck(catalog: tour.catalog, needs: [:], from: nil)
        #expect(check.breaches(json: try SmallTour.json(tour.document)).isEmpty)

        var dropped = tour.document
        let vehicle = dropped.routes[0].stops[0].visits.removeFirst().vehicle
        let missing = check.breaches(json: try SmallTour.json(dropped))
        #expect(missing.contains { $0.detail.contains("\(vehicle) needs a inspection and is neither") })

        var twice = tour.document
        twice.routes[0].stops[0].visits.append(twice.routes[0].stops[0].visits[0])
        twice.totals.vehicles += 1
        let doubled = check.breaches(json: try SmallTour.json(twice))
        #expect(doubled.contains { $0.detail.contains("is in 2 places") })
        #expect(doubled.contains { $0.detail.hasPrefix("totals give \(twice.totals.vehicles) vehicles scheduled") })
    }

    @Test func onePlaceCatchesADoneVehicleScheduledAgainAndARecheckPlannedAsAnInspection() throws {
        let tour = try SmallTour()
        let visits = tour.document.routes[0].stops[0].visits
        let needs: [String: VehicleNeed] = [visits[0].vehicle: .done, visits[1].vehicle: .visit(.recheck)]
        let breaches = PlacementCheck(catalog: tour.catalog, needs: needs, from: nil).breaches(
            json: try SmallTour.json(tour.document))
        #expect(breaches.contains { $0.detail.hasPrefix("\(visits[0].vehicle) is done but scheduled again") })
        #expect(breaches.contains { $0.detail.hasPrefix("\(visits[1].vehicle) needs a recheck but is scheduled") })
    }

    @Test func pastFixedCatchesAPastVisitMovedAndAPastLegDropped() throws {
        let tour = try SmallTour()
        let first = tour.document.routes[0].stops[0].visits[0]
        let from = SmallTour.day(first.end).adding(days: 1)
        let check = PastCheck(previous: tour.document, from: from)
        #expect(check.breaches(in: tour.document).isEmpty)

        var moved = tour.document
        moved.routes[0].stops[0].visits[0].minutes += 5
        #expect(
            check.breaches(in: moved).map(\.detail) == [
                "\(moved.routes[0].route): the visit of \(first.vehicle) at \(moved.routes[0].stops[0].site) on "
                    + "\(first.start) is not kept"
            ])

        var dropped = tour.document
        dropped.routes[0].legs[0].km += 0.1
        #expect(check.breaches(in: dropped).contains { $0.detail.contains("the leg base → ") })
    }

    @Test func teamsContinueCatchesATeamSentBackToBase() throws {
        let tour = try SmallTour()
        let route = tour.document.routes[0]
        // The morning after the team reached its first site it is there (or further on), away from base.
        let from = SmallTour.day(route.legs[0].arrive).adding(days: 1)
        let check = ContinuityCheck(previous: tour.document, from: from)
        #expect(check.breaches(in: tour.document).isEmpty)

        var restarted = tour.document
        restarted.routes[0].legs = []
        restarted.routes[0].stops = []
        let breaches = check.breaches(in: restarted)
        #expect(breaches.count == 1)
        #expect(breaches.first?.detail.hasSuffix("but the new plan has it not yet left base") == true)
    }

    @Test func countsAgreeCatchesATotalThatIsNotTheSumAndABoardShort() throws {
        let tour = try SmallTour()
        let board = tour.catalog.routes.flatMap { route in
            route.sites.flatMap { site in
                site.vehicles.map { vehicle in
                    BoardRow(
                        vehicle: vehicle.id, client: site.clientID, route: route.id, site: site.id,
                        verdict: VehicleVerdict(readiness: .notInspected, failed: [], untested: [], subsystems: []),
                        inspected: nil)
                }
            }
        }
        var wrongKm = tour.document
        wrongKm.totals.km += 10
        let breaches = CountsCheck(catalog: tour.catalog, board: Array(board.dropLast())).breaches(
            json: try SmallTour.json(wrongKm))
        #expect(breaches.contains { $0.detail.hasPrefix("the table says") })
        #expect(breaches.contains { $0.detail.hasPrefix("the lines' km add up to") })
        #expect(
            breaches.contains {
                $0.detail == "the board shows \(board.count - 1) vehicles of the \(board.count) in Routes/"
            })
    }

    @Test func thePlanCheckerCatchesARecheckOfAVehicleNeverInspectedAndOneBeforeTheRepair() throws {
        let tour = try SmallTour()
        var document = tour.document
        let visits = document.routes[0].stops[0].visits
        document.routes[0].stops[0].visits[0].purpose = .recheck
        document.from = String(visits[0].start.prefix(10))
        let json = try SmallTour.json(document)
        var checker = PlanChecker(catalog: tour.catalog)
        checker.needs[visits[1].vehicle] = .partial(.completion, itemMinutes: 10)
        #expect(
            checker.check(json: json).contains("\(visits[0].vehicle): a recheck visit of a vehicle never inspected"))
        #expect(
            checker.check(json: json).contains("\(visits[1].vehicle): a inspection visit where a completion is needed"))

        var repaired = PlanChecker(catalog: tour.catalog)
        repaired.needs[visits[0].vehicle] = .partial(.recheck, itemMinutes: 10)
        repaired.ready[visits[0].vehicle] = SmallTour.day(visits[0].start).adding(days: 1)
        let problems = repaired.check(json: json)
        #expect(
            problems.contains {
                $0.contains("\(visits[0].vehicle): a recheck visit on") && $0.contains("before the repair")
            })
        #expect(
            !problems.contains { $0.contains("\(visits[0].vehicle): a recheck visit of a vehicle never inspected") })
    }
}
