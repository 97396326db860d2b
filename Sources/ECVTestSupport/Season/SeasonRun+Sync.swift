import ECVModel
import ECVStore
import ECVSync
import Foundation

extension SeasonRun {
    /// After the day's work some laptops export, and some of the bundles on their way reach the office — in any
    /// order, now and then one it has already. (The office's inspections are checked at the next full round.)
    mutating func syncEvening() throws {
        for laptop in laptops where Int.random(in: 0..<100, using: &random) < 50 {
            if let data = try laptop.export(at: now(SeasonClock.evening)) { courier.send(data, from: laptop.name) }
        }
        let arriving = courier.waiting(for: SeasonOffice.name).filter { _ in
            Int.random(in: 0..<100, using: &random) < 50
        }.shuffled(using: &random)
        for index in arriving {
            _ = try deliver(index, to: SeasonOffice.name, office.store, strict: false)
        }
        if Int.random(in: 0..<100, using: &random) < 20,
            let again = courier.taken(by: SeasonOffice.name).randomElement(using: &random)
        {
            try deliverAgain(again)
        }
    }

    /// Every laptop exports, the office imports everything on its way, each laptop imports the others' work; then
    /// every database must hold the same results and show the same board, and the office's reports must give the
    /// published plan's dates.
    mutating func syncFully() throws {
        for laptop in laptops {
            if let data = try laptop.export(at: now(SeasonClock.evening)) { courier.send(data, from: laptop.name) }
        }
        for index in courier.waiting(for: SeasonOffice.name) {
            _ = try deliver(index, to: SeasonOffice.name, office.store, strict: true)
        }
        for laptop in laptops {
            for index in courier.waiting(for: laptop.name) {
                _ = try deliver(index, to: laptop.name, laptop.store, strict: true)
            }
        }
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

    /// Imports parcel `index` into `store`; returns whether it was imported.
    ///
    /// A refusal is retried later; in a full round (`strict`) it breaks convergence.
    private mutating func deliver(_ index: Int, to receiver: String, _ store: Store, strict: Bool) throws -> Bool {
        do {
            _ = try SeasonOffice.importBundle(
                courier.data(index), into: store, importer: receiver, catalog: office.catalog,
                at: now(SeasonClock.evening))
        } catch let error as BundleError {
            outcome.refusedImports += 1
            if strict { report([InvariantBreach(.converging, "\(receiver) refuses a bundle: \(error)")]) }
            return false
        }
        courier.markTaken(index, by: receiver)
        outcome.syncs += 1
        return true
    }

    /// The office imports a bundle it has already: nothing may change.
    private mutating func deliverAgain(_ index: Int) throws {
        let report: ImportReport
        do {
            report = try SeasonOffice.importBundle(
                courier.data(index), into: office.store, importer: SeasonOffice.name, catalog: office.catalog,
                at: now(SeasonClock.evening))
        } catch let error as BundleError {
            self.report([InvariantBreach(.converging, "a bundle imported once is refused the second time: \(error)")])
            return
        }
        outcome.syncs += 1
        if report.newRows > 0 {
            self.report([
                InvariantBreach(.converging, "a bundle imported twice added \(report.newRows) rows the second time")
            ])
        }
    }
}
