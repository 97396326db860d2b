import ECVModel
import ECVStore
import ECVSync
import Foundation

extension SeasonRun {
    /// After the day's work some of what the laptops recorded reaches the office, late, out of order and now and
    /// then twice. (The office's inspections are checked at the next full round.)
    mutating func syncEvening() throws {
        try travel(at: SeasonClock.evening) { transport, step in try transport.syncEvening(&step) }
    }

    /// Everything on its way arrives everywhere; then every database must hold the same results and show the same
    /// board, and the office's reports must give the published plan's dates.
    mutating func syncFully() throws {
        try travel(at: SeasonClock.evening) { transport, step in try transport.syncFully(&step) }
        let catalog = office.catalog
        let stores = [(SeasonOffice.name, office.store)] + laptops.map { ($0.name, $0.store) }
        report(try ConvergenceCheck(catalog: catalog).breaches(among: stores.map { (name: $0.0, store: $0.1) }))
        for (name, store) in stores { report(try LifecycleCheck(catalog: catalog).breaches(in: store, name: name)) }
        if let published = try office.published() {
            report(
                try ReportDateCheck(catalog: catalog, day: day).breaches(
                    plan: published.plan, version: published.version, board: try office.store.board(catalog)))
        }
    }
}
