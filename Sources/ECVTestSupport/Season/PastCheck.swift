import ECVModel
import ECVPlanning
import Foundation

/// The past is fixed: every visit and leg of the previous published plan that ends before the replan day is in the
/// new plan byte for byte (as `ecv-plan/1` writes it), on the same route.
public struct PastCheck {
    /// The plan published before the replan, as stored.
    public var previous: PlanDocument
    /// The replan's day: what ends before it is the past.
    public var from: CalendarDay

    /// The check of a replan from `from` against `previous`.
    public init(previous: PlanDocument, from: CalendarDay) {
        self.previous = previous
        self.from = from
    }

    /// The past visits and legs of `previous` that `next` does not hold byte for byte.
    public func breaches(in next: PlanDocument) -> [InvariantBreach] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func bytes(_ value: some Encodable) -> Data { (try? encoder.encode(value)) ?? Data() }
        var breaches: [InvariantBreach] = []
        for route in previous.routes {
            let after = next.routes.first { $0.route == route.route }
            let legs = Set((after?.legs ?? []).map(bytes))
            let visits = Set((after?.stops ?? []).flatMap { stop in stop.visits.map { bytes(Placed(stop.site, $0)) } })
            for leg in route.legs where endsBefore(leg.arrive) && !legs.contains(bytes(leg)) {
                breaches.append(
                    InvariantBreach(
                        .pastFixed, "\(route.route): the leg \(leg.from) → \(leg.to) of \(leg.depart) is not kept"))
            }
            for stop in route.stops {
                for visit in stop.visits
                where endsBefore(visit.end) && !visits.contains(bytes(Placed(stop.site, visit))) {
                    breaches.append(
                        InvariantBreach(
                            .pastFixed,
                            "\(route.route): the visit of \(visit.vehicle) at \(stop.site) on \(visit.start) is not kept"
                        ))
                }
            }
        }
        return breaches
    }

    private func endsBefore(_ moment: String) -> Bool {
        PlanVisitList.day(of: moment).map { $0 < from } ?? false
    }

    /// A visit with the site it happens at: a visit kept at another site is not kept.
    private struct Placed: Encodable {
        var site: String
        var visit: PlanDocument.Visit

        init(_ site: String, _ visit: PlanDocument.Visit) {
            self.site = site
            self.visit = visit
        }
    }
}
