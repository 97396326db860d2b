import ECVModel
import ECVPlanning
import Foundation

/// Every vehicle of Routes/ in exactly one place: done (its results stored, nothing left to do), scheduled for the
/// visit it needs, or unscheduled with a reason — never missing, never twice for one purpose; and the plan's totals
/// count vehicles, not visits.
///
/// Visits before `from` (a replan's day) are the season's history and count for nothing here.
public struct PlacementCheck {
    public var catalog: Catalog
    /// What each vehicle needs, from the store's verdicts; a vehicle not listed needs its full inspection.
    public var needs: [String: VehicleNeed]
    public var from: CalendarDay?

    public init(catalog: Catalog, needs: [String: VehicleNeed], from: CalendarDay?) {
        self.catalog = catalog
        self.needs = needs
        self.from = from
    }

    /// The plan's totals as `ecv-plan/1` writes them, with the counts of each place when the plan gives them.
    struct Totals: Decodable {
        var vehicles: Int
        var unscheduled: Int
        var done: Int?
        var scheduled: Int?
    }

    struct Counts: Decodable {
        var totals: Totals
    }

    /// The breaches in the plan stored as `json`.
    public func breaches(json: String) -> [InvariantBreach] {
        let decoder = JSONDecoder()
        guard let document = try? decoder.decode(PlanDocument.self, from: Data(json.utf8)),
            let counts = try? decoder.decode(Counts.self, from: Data(json.utf8))
        else { return [InvariantBreach(.onePlace, "the plan is not a readable ecv-plan/1 document")] }
        var breaches: [InvariantBreach] = []
        func breach(_ text: String) { breaches.append(InvariantBreach(.onePlace, text)) }
        let visits = PlanVisitList(document)
        let upcoming = Dictionary(grouping: visits.upcoming(from: from), by: \.vehicle)
        let unscheduled = Dictionary(grouping: document.unscheduled, by: \.vehicle)
        let vehicles = catalog.routes.flatMap(\.sites).flatMap(\.vehicles).map(\.id)
        var done = 0
        var scheduled = 0
        for vehicle in vehicles {
            let planned = upcoming[vehicle] ?? []
            let left = unscheduled[vehicle] ?? []
            switch needs[vehicle] ?? .visit(.inspection) {
            case .done:
                done += 1
                if !planned.isEmpty { breach("\(vehicle) is done but scheduled again (\(planned[0].day))") }
                if !left.isEmpty { breach("\(vehicle) is done but listed as unscheduled") }
            case .visit(let purpose):
                if planned.count + left.count == 0 {
                    breach("\(vehicle) needs a \(purpose.rawValue) and is neither scheduled nor unscheduled")
                } else if planned.count + left.count > 1 {
                    breach("\(vehicle) is in \(planned.count + left.count) places (visits and unscheduled)")
                }
                for visit in planned where visit.purpose != purpose {
                    breach("\(vehicle) needs a \(purpose.rawValue) but is scheduled for a \(visit.purpose.rawValue)")
                }
                for item in left where item.reason.trimmingCharacters(in: .whitespaces).isEmpty {
                    breach("\(vehicle) is unscheduled without a reason")
                }
                scheduled += planned.isEmpty ? 0 : 1
            }
        }
        let known = Set(vehicles)
        for vehicle in Set(upcoming.keys).union(unscheduled.keys).subtracting(known).sorted() {
            breach("\(vehicle) is not in Routes/ but still in the plan")
        }
        let distinct = Set(visits.entries.map(\.vehicle)).count
        if counts.totals.vehicles != distinct {
            breach("totals give \(counts.totals.vehicles) vehicles for \(distinct) vehicles visited")
        }
        if counts.totals.unscheduled != document.unscheduled.count {
            breach("totals give \(counts.totals.unscheduled) unscheduled for \(document.unscheduled.count) listed")
        }
        if let givenDone = counts.totals.done, let givenScheduled = counts.totals.scheduled {
            if (givenDone, givenScheduled) != (done, scheduled) {
                breach(
                    "totals give \(givenDone) done and \(givenScheduled) scheduled; the store and plan say "
                        + "\(done) and \(scheduled)")
            }
        } else {
            breach("totals do not say how many vehicles are done and scheduled")
        }
        return breaches
    }
}
