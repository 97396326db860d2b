import ECVModel

/// What a re-plan changed against the plan before it, vehicle by vehicle.
public struct PlanChanges: Sendable, Equatable {
    /// One vehicle whose visits are not what they were.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            /// Its visit moved to another day or team.
            case moved
            /// It was due before the re-plan day but not inspected, and is planned again.
            case missed
            /// It gets a visit it did not have: a re-check, a completion, or a first place in the plan.
            case added
            /// It was inspected before its planned visit, which is dropped.
            case doneEarly = "done early"
            /// It had a visit and now has none.
            case unscheduled
        }

        public var vehicle: String
        public var kind: Kind
        /// `route day` before and after, as a dispatcher reads them.
        public var before: String?
        public var after: String?
        /// The purpose of the new visit, or why there is none.
        public var detail: String?
    }

    /// Visits before the re-plan day that stay as they were.
    public var kept: Int
    /// Vehicles whose visit from the re-plan day on is on the same day with the same team.
    public var unchanged: Int
    public var changes: [Change]

    public init(previous: PlanDocument, next: PlanDocument, from: CalendarDay, done: Set<String>) {
        let before = PlanChanges.visits(previous)
        let after = PlanChanges.visits(next)
        let reasons = Dictionary(next.unscheduled.map { ($0.vehicle, $0.reason) }, uniquingKeysWith: { a, _ in a })
        var kept = 0
        var unchanged = 0
        var changes: [Change] = []
        for vehicle in Set(before.keys).union(after.keys).sorted() {
            let old = before[vehicle] ?? []
            let new = after[vehicle] ?? []
            let oldLater = old.filter { $0.day >= from }
            let newLater = new.filter { $0.day >= from }
            kept += new.filter { $0.day < from }.count
            let missed = old.contains { $0.day < from && !new.contains($0) }
            switch (oldLater.first ?? (missed ? old.last : nil), newLater.first) {
            case (nil, nil): continue
            case (let was?, nil):
                let isDone = done.contains(vehicle)
                changes.append(
                    Change(
                        vehicle: vehicle, kind: isDone ? .doneEarly : .unscheduled, before: was.text, after: nil,
                        detail: isDone ? nil : reasons[vehicle]))
            case (nil, let now?):
                changes.append(
                    Change(vehicle: vehicle, kind: .added, before: nil, after: now.text, detail: now.purpose.rawValue))
            case (let was?, let now?):
                if !missed, was.route == now.route, was.day == now.day, was.purpose == now.purpose {
                    unchanged += 1
                    continue
                }
                let kind: Change.Kind = missed ? .missed : (was.purpose == now.purpose ? .moved : .added)
                changes.append(
                    Change(
                        vehicle: vehicle, kind: kind, before: was.text, after: now.text,
                        detail: now.purpose == .inspection ? nil : now.purpose.rawValue))
            }
        }
        self.kept = kept
        self.unchanged = unchanged
        self.changes = changes
    }

    private struct Placed: Equatable {
        var route: String
        var day: CalendarDay
        var start: String
        var purpose: RoutePlan.Visit.Purpose

        var text: String { "\(route) " + String(start.prefix(16).map { $0 == "T" ? " " : $0 }) }
    }

    private static func visits(_ plan: PlanDocument) -> [String: [Placed]] {
        var visits: [String: [Placed]] = [:]
        for route in plan.routes {
            for visit in route.stops.flatMap(\.visits) {
                guard let start = PlanDocument.localTime(visit.start) else { continue }
                visits[visit.vehicle, default: []].append(
                    Placed(
                        route: route.route, day: start.day, start: visit.start,
                        purpose: visit.purpose ?? .inspection))
            }
        }
        return visits.mapValues { $0.sorted { $0.start < $1.start } }
    }
}
