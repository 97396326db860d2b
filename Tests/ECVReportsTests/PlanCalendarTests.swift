import ECVCatalog
import ECVModel
import ECVPlanning
import ECVReports
import ECVTestSupport
import Foundation
import Testing

/// Team calendars that phones can follow from one published plan to the next.
@Suite struct PlanCalendarTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
    static let stamp = Date(timeIntervalSince1970: 1_800_000_000)

    static func plan() throws -> TourPlan {
        var options = Planner.Options()
        options.timeLimit = nil
        options.maxIterations = 200
        return try Planner(catalog: catalog, options: options).plan()
    }

    /// Each event of a calendar text: its properties by name (folded lines joined).
    static func events(_ text: String) -> [[String: String]] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst().map { block in
            var properties: [String: String] = [:]
            for line in block.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                properties[String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
            return properties
        }
    }

    static func events(_ plan: TourPlan, history: [TourPlan] = []) -> [[String: String]] {
        PlanCalendar(plan: plan, catalog: catalog, history: history).calendars(stamp: stamp)
            .flatMap { events($0.text) }
    }

    @Test func everyVisitHasItsOwnUIDEvenWhenAVehicleIsVisitedTwiceForOnePurpose() throws {
        var plan = try Self.plan()
        let again = plan.routes[0].stops[0].visits[0]
        plan.routes[0].stops[0].visits.append(again)
        let uids = Self.events(plan).compactMap { $0["UID"] }
        #expect(uids.count == plan.visitCount)
        #expect(Set(uids).count == uids.count)
        #expect(uids.contains("\(plan.routes[0].route)-\(again.vehicle)-inspection@ecv"))
    }

    @Test func aFirstPublicationHasSequenceZeroAndEveryEventConfirmed() throws {
        let events = Self.events(try Self.plan())
        #expect(events.allSatisfy { $0["SEQUENCE"] == "0" && $0["STATUS"] == "CONFIRMED" })
    }

    @Test func aMovedVisitCountsItsChangesAndADroppedOneIsCancelled() throws {
        let first = try Self.plan()
        var second = first
        var moved = second.routes[0].stops[0].visits[0]
        moved.start = LocalDateTime(day: moved.start.day.adding(days: 1), minuteOfDay: moved.start.minuteOfDay)
        second.routes[0].stops[0].visits[0] = moved
        let dropped = try #require(second.routes[1].stops[0].visits.last)
        second.routes[1].stops[0].visits.removeLast()
        var third = second
        moved.start = LocalDateTime(day: moved.start.day.adding(days: 1), minuteOfDay: moved.start.minuteOfDay)
        third.routes[0].stops[0].visits[0] = moved

        let events = Self.events(third, history: [first, second])
        let uid = { (route: Int, vehicle: String) in "\(first.routes[route].route)-\(vehicle)-inspection@ecv" }
        let movedEvent = try #require(events.first { $0["UID"] == uid(0, moved.vehicle) })
        #expect(movedEvent["SEQUENCE"] == "2")
        let cancelled = try #require(events.first { $0["UID"] == uid(1, dropped.vehicle) })
        #expect(cancelled["STATUS"] == "CANCELLED")
        #expect(cancelled["SEQUENCE"] == "1")
        #expect(cancelled["SUMMARY"]?.hasPrefix("CANCELLED ") == true)
        #expect(events.filter { $0["STATUS"] == "CANCELLED" }.count == 1)
        #expect(events.filter { $0["SEQUENCE"] == "0" }.count == first.vehicleCount - 2)
    }

    @Test func aRecheckSaysSoInItsSummary() throws {
        var plan = try Self.plan()
        plan.routes[0].stops[0].visits[0].purpose = .recheck
        let events = Self.events(plan)
        let recheck = try #require(events.first { $0["UID"]?.hasSuffix("-recheck@ecv") == true })
        #expect(recheck["SUMMARY"]?.hasPrefix("RECHECK ") == true)
    }
}
