import ECVModel

/// Finds, for each line with vehicles left out for lack of time, the fewest working days added to its end
/// that schedule them all.
///
/// Each trial plans that line alone with its end moved, as `ecv plan --route LINE` does after the dispatcher
/// edits `end:`: first doubling the added days from an estimate (the left-out service time in working days),
/// then halving the gap, at most `maxTrials` plans per line. A line that no extension within `maxWorkdays`
/// fits gets no advice. Under a time limit the trials share what is left until the planner's deadline; a line
/// whose search that time cannot finish gets the fewest days found to fit, or no advice.
struct CapacityAdvisor {
    let planner: Planner
    var maxTrials = 8
    var maxWorkdays = 60

    func advice(for plan: TourPlan) throws(PlanningError) -> [CapacityAdvice] {
        var advice: [CapacityAdvice] = []
        let byRoute = Dictionary(grouping: plan.unscheduled.filter(\.forLackOfTime), by: \.route)
        let lines = planner.catalog.routes.filter { byRoute[$0.id] != nil }
        for (index, line) in lines.enumerated() {
            let left = byRoute[line.id] ?? []
            if let found = try extended(line, fitting: left, linesLeft: lines.count - index) { advice.append(found) }
        }
        return advice
    }

    /// How long one trial plan may search: the line's equal part of what is left until the deadline, shared by
    /// its trials still to come; `nil` when no time is left; the planner's own limit without a deadline.
    private func trialLimit(trialsLeft: Int, linesLeft: Int) -> Duration?? {
        guard let deadline = planner.options.deadline else { return .some(planner.options.timeLimit) }
        // A trial also builds and polishes its plan: keep that out of the share.
        let left = deadline - .now - .milliseconds(300)
        let share = left / max(1, linesLeft) / max(1, trialsLeft) * 0.8
        return share < .milliseconds(40) ? nil : .some(share)
    }

    private func extended(_ line: Route, fitting left: [Unscheduled], linesLeft: Int) throws(PlanningError)
        -> CapacityAdvice?
    {
        let minutes = left.compactMap { planner.catalog.placement(ofVehicle: $0.vehicle) }
            .reduce(0) { $0 + planner.catalog.serviceMinutes(for: $1) }
        var added = min(maxWorkdays, max(1, minutes / max(1, line.workHours.minutes) + 1))
        var tooFew = 0
        var enough: (days: Int, end: CalendarDay)?
        for trial in 0..<maxTrials {
            // Most lines settle in about half their trials.
            let trialsLeft = max(1, maxTrials / 2 - trial)
            guard let limit = trialLimit(trialsLeft: trialsLeft, linesLeft: linesLeft) else { break }
            let end = endDay(of: line, adding: added)
            if try fitsAll(line, end: end, vehicles: left.map(\.vehicle), timeLimit: limit) {
                enough = (added, end)
            } else {
                tooFew = added
            }
            guard let found = enough else {
                guard added < maxWorkdays else { break }
                added = min(maxWorkdays, added * 2)
                continue
            }
            if found.days - tooFew <= 1 { break }
            added = (tooFew + found.days) / 2
        }
        return enough.map {
            CapacityAdvice(route: line.id, end: $0.end, addedWorkdays: $0.days, vehicles: left.count)
        }
    }

    /// The day on which `line` has `added` more working days than now.
    private func endDay(of line: Route, adding added: Int) -> CalendarDay {
        var day = line.end
        var count = 0
        var extended = line
        while count < added {
            day = day.adding(days: 1)
            extended.end = day
            if extended.isWorkday(day) { count += 1 }
        }
        return day
    }

    /// Whether planning `line` alone with its end on `end` schedules every one of `vehicles` and leaves no other
    /// vehicle out for lack of time: a longer line may fit the vehicles left out and leave out another instead,
    /// and an end that does so would not be the end that fits the line.
    private func fitsAll(_ line: Route, end: CalendarDay, vehicles: [String], timeLimit: Duration?)
        throws(PlanningError) -> Bool
    {
        var catalog = planner.catalog
        guard let index = catalog.routes.firstIndex(where: { $0.id == line.id }) else { return false }
        catalog.routes[index].end = end
        var options = planner.options
        options.routes = [line.id]
        options.advice = false
        options.rebalance = false
        options.timeLimit = timeLimit
        options.deadline = nil
        let plan = try Planner(catalog: catalog, options: options).plan()
        let unscheduled = Set(plan.unscheduled.map(\.vehicle))
        return !vehicles.contains(where: unscheduled.contains) && !plan.unscheduled.contains(where: \.forLackOfTime)
    }
}
