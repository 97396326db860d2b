import ECVModel
import ECVPlanning
import ECVStore
import Foundation

extension SeasonRun {
    /// The team of `laptop` does its day of the plan the laptop follows: at each visit its engineer answers what the
    /// vehicle needs, through the way in the seed picks.
    mutating func work(_ laptop: SeasonLaptop) throws {
        let catalog = office.catalog
        let engineer = FieldEngineer(
            catalog: catalog, fingerprints: office.fingerprints, store: laptop.store, actor: laptop.actor,
            seasonStart: try laptop.seasonStart(catalog: catalog))
        var visited: Set<String> = []
        for visit in try laptop.visits(on: day, catalog: catalog) {
            guard let vehicle = visit.vehicle, let placement = catalog.placement(ofVehicle: vehicle) else { continue }
            let start = SeasonClock.date(visit.start)
            let interface = FieldEngineer.Interface.allCases.randomElement(using: &random) ?? .record
            let done = try engineer.work(on: placement, at: start, using: interface, random: &random)
            outcome.answers += done.answers
            visited.insert(vehicle)
            if let days = done.failedAndReadyAfter { ready[vehicle] = day.adding(days: days) }
            if Int.random(in: 0..<100, using: &random) < 5 {
                // `ecv inspect` opened on the vehicle just done, and left with `q`.
                try engineer.openAndQuit(placement, at: start + 3600)
            }
        }
        if !visited.isEmpty {
            report(try LifecycleCheck(catalog: catalog).breaches(in: laptop.store, name: laptop.name, of: visited))
        }
    }
}
