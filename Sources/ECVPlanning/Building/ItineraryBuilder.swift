import ECVModel
import ECVRouting

/// Turns the engine's routes (job orders and start minutes) into calendar itineraries: legs split into
/// daily stretches, stops with their visits, departure and return.
struct ItineraryBuilder {
    let model: TourModel

    func routePlan(_ r: Int, _ route: RoutingSolution.Route?) -> RoutePlan {
        let line = model.lines[r]
        let clock = line.clock
        let vehicle = model.problem.vehicles[r]
        let travelModel = model.travelModels[vehicle.travelProfile]
        // Without a driving limit, days still end: a limit of a whole day splits drives at day ends only.
        let rule =
            vehicle.dailyTravel ?? DailyTravel(dayLength: Double(clock.dayLength), limit: Double(clock.dayLength))
        let base = vehicle.endLocation
        var stops: [RoutePlan.Stop] = []
        var legs: [RoutePlan.Leg] = []
        var at = base
        var time = 0.0
        var driven = 0.0
        // A re-plan goes on from the published past: its legs and visits as they were, the team where and when
        // that past leaves it, the driving already done that day, and a drive still under way continued.
        var arriving: String?
        if let prefix = line.prefix {
            legs = prefix.legs
            stops = prefix.stops
            at = prefix.site.flatMap { model.siteLocation[$0] } ?? base
            // Nothing new before the re-plan's first day: a team the past leaves at a site waits there.
            time = Double(line.resumeMinute)
            driven =
                clock.momentStarting(at: Int(time)).day == prefix.readyAt.day
                ? Double(prefix.drivenMinutes(on: prefix.readyAt.day)) : 0
            arriving = prefix.isArriving ? prefix.site : nil
        }

        func drive(to location: Int) {
            let from = model.locations[at]
            let to = model.locations[location]
            let leg = model.leg(at, location, travelModel)
            // Km are rounded to 0.1 once, here: every output sums the same stored legs and agrees to the digit.
            let km = PlanDocument.tenths(leg.km)
            let stretches = rule.stretches(departure: time, drivenToday: driven, duration: leg.minutes)
            let arrival = rule.arrival(departure: time, drivenToday: driven, duration: leg.minutes)
            let depart = clock.momentStarting(at: Int(stretches.first?.start ?? time))
            // A leg without driving arrives when it departs, also on a day boundary.
            let arrive = stretches.isEmpty ? depart : clock.momentEnding(at: Int(arrival.time))
            legs.append(
                RoutePlan.Leg(
                    from: from.place.name, to: to.place.name, km: km, driveMinutes: Int(leg.minutes),
                    depart: depart, arrive: arrive,
                    stretches: RoutePlan.Stretch.split(
                        km: km, minutes: leg.minutes,
                        stretches.map {
                            (
                                clock.momentStarting(at: Int($0.start)), clock.momentEnding(at: Int($0.end)),
                                $0.end - $0.start
                            )
                        })))
            (time, driven) = arrival
            at = location
        }

        // The kept visits of a re-plan come first; the team waits where the last one was until the engine's
        // route starts, and without further visits drives home at once.
        let planned = (route.map { zip($0.jobs, $0.starts) }.map(Array.init) ?? []).map { job, start in
            TourModel.KeptCall(
                location: model.problem.jobs[job].location, start: Int(start), minutes: model.serviceMinutes[job][r],
                vehicle: model.jobs[job].vehicle.id, client: model.jobs[job].site.clientID,
                purpose: model.purposes[job])
        }
        let keptCount = line.kept.count
        let calls = line.kept + planned
        func resume(before index: Int) {
            guard index >= keptCount, time < Double(vehicle.shift.start) else { return }
            if rule.day(of: time) != rule.day(of: vehicle.shift.start) { driven = vehicle.travelBeforeShift }
            time = vehicle.shift.start
        }
        // The stop a drive under way leads to, reached with no visit there: the team arrives and drives on.
        func arriveWithoutVisits(at site: String) {
            guard let leg = legs.last else { return }
            stops.append(RoutePlan.Stop(site: site, arrive: leg.arrive, depart: leg.arrive, visits: []))
        }
        var index = 0
        while index < calls.count {
            let location = calls[index].location
            resume(before: index)
            if let site = arriving, location != at { arriveWithoutVisits(at: site) }
            // The drive under way leads here: no new leg.
            if arriving == nil || location != at { drive(to: location) }
            arriving = nil
            var visits: [RoutePlan.Visit] = []
            while index < calls.count, calls[index].location == location {
                let call = calls[index]
                let start = Double(call.start)
                if rule.day(of: start) != rule.day(of: time) { driven = 0 }
                time = start + Double(call.minutes)
                if rule.day(of: time) != rule.day(of: start) { driven = 0 }
                visits.append(
                    RoutePlan.Visit(
                        vehicle: call.vehicle, client: call.client, start: clock.momentStarting(at: call.start),
                        end: clock.momentEnding(at: Int(time)), minutes: call.minutes, purpose: call.purpose))
                index += 1
            }
            stops.append(
                RoutePlan.Stop(
                    site: model.locations[location].place.name, arrive: legs[legs.count - 1].arrive,
                    depart: clock.momentStarting(at: Int(time)), visits: visits))
        }
        if let site = arriving { arriveWithoutVisits(at: site) }
        if !stops.isEmpty, legs.count == stops.count { drive(to: base) }
        // A team leaves a site when its next drive starts, which may be the next morning.
        for index in stops.indices { stops[index].depart = legs[index + 1].depart }
        let depart = legs.first?.depart ?? clock.momentStarting(at: 0)
        let returnTime = legs.last?.arrive ?? depart
        let workdays =
            stops.isEmpty ? 0 : (clock.index(of: returnTime.day) ?? 0) - (clock.index(of: depart.day) ?? 0) + 1
        return RoutePlan(
            route: line.route.id, team: line.team.id, timeZone: line.route.timeZone, depart: depart,
            returnTime: returnTime, stops: stops, legs: legs, workdays: workdays)
    }
}
