import ECVModel
import ECVPlanning
import Foundation

/// Every vehicle of Routes/ in exactly one place: done (its results stored, nothing left to do), scheduled for the
/// visit it needs, or unscheduled with a reason — never missing, never twice for one purpose; and the plan's totals
/// count vehicles, not visits.
///
/// Visits before `from` (a replan's day) are the season's history and count for nothing here.
public struct PlacementCheck {
    /// Routes/: every vehicle to find a place for.
    public var catalog: Catalog
    /// What each vehicle needs, from the store's verdicts; a vehicle not listed needs its full inspection.
    public var needs: [String: VehicleNeed]
    /// The replan's day, `nil` for a first plan.
    public var from: CalendarDay?

    /// The check of a plan made from `from` on, with what the store says each vehicle needs.
    public init(catalog: Catalog, needs: [String: VehicleNeed], from: CalendarDay?) {
        self.catalog = catalog
        self.needs = needs
        self.from = from
    }

    /// The breaches in the plan stored as `json`.
    public func breaches(json: String) -> [InvariantBreach] {
        let decoder = JSONDecoder()
        guard let document = try? decoder.decode(PlanDocument.self, from: Data(json.utf8))
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
        let totals = document.totals
        if totals.vehicles != scheduled {
            breach("totals give \(totals.vehicles) vehicles scheduled; \(scheduled) vehicles have a visit to come")
        }
        let unscheduledVehicles = Set(document.unscheduled.map(\.vehicle)).count
        if totals.unscheduled != unscheduledVehicles {
            breach("totals give \(totals.unscheduled) unscheduled for \(unscheduledVehicles) vehicles listed")
        }
        let doneHere = Set(vehicles.filter { needs[$0] == .done })
        if let givenDone = totals.done {
            if givenDone != done { breach("totals give \(givenDone) vehicles done; the store says \(done)") }
        } else if from != nil {
            breach("totals do not say how many vehicles are done")
        }
        if from != nil, Set(document.done ?? []) != doneHere {
            let listed = Set(document.done ?? [])
            breach(
                "the plan lists \(listed.subtracting(doneHere).sorted()) as done and not \(doneHere.subtracting(listed).sorted()); "
                    + "the store says otherwise")
        }
        if totals.vehicles + unscheduledVehicles + (totals.done ?? 0) != vehicles.count, totals.done != nil {
            breach(
                "totals give \(totals.done ?? 0) done, \(totals.vehicles) scheduled and \(unscheduledVehicles) unscheduled "
                    + "for \(vehicles.count) vehicles in Routes/")
        }
        return breaches
    }
}
