import ECVModel
import ECVStore
import ECVSync
import Foundation

/// Bundles carried as files: every database exports its bundle, and bundles reach the others late, out of order
/// and now and then twice, as USB sticks and mail do.
public final class FileTransport: SeasonTransport {
    private var courier = SeasonCourier()

    /// Nothing on its way yet.
    public init() {}

    /// Every database takes the signed bundles of every other: the office's plan, and each laptop's work.
    public func start(_ step: inout SeasonSyncStep) throws {
        let enrolledAt = SeasonClock.date(CalendarDay(iso: "2027-02-20") ?? step.day, minute: SeasonClock.morning)
        for party in step.everyone {
            for other in step.everyone where other.name != party.name {
                // The office's key with the office role (`ecv laptops enroll --office`): only it brings the plan.
                try party.store.enroll(
                    laptop: other.name, publicKey: other.key.publicKey,
                    role: other.name == step.office.name ? .office : .laptop, by: SeasonOffice.actor, at: enrolledAt)
            }
        }
    }

    /// The office's bundle, with the plan just published, goes to every laptop, which imports it at once.
    public func sendPlan(_ step: inout SeasonSyncStep) throws {
        courier.send(
            try SeasonOffice.export(step.office, at: step.now, unlessEmpty: false) ?? Data(), from: step.office.name)
        for laptop in step.laptops {
            for index in courier.waiting(for: laptop.name, from: [step.office.name]) {
                _ = try SeasonOffice.importBundle(
                    courier.data(index), into: laptop.store, importer: laptop.name, catalog: step.catalog,
                    at: step.now)
                courier.markTaken(index, by: laptop.name)
                step.syncs += 1
            }
        }
    }

    /// Some laptops export, and some of the bundles on their way reach the office — in any order, now and then one
    /// it has already.
    public func syncEvening(_ step: inout SeasonSyncStep) throws {
        for laptop in step.laptops where step.chance(50) {
            if let data = try SeasonOffice.export(laptop, at: step.now, unlessEmpty: true) {
                courier.send(data, from: laptop.name)
            }
        }
        var arriving: [Int] = []
        for index in courier.waiting(for: step.office.name) where step.chance(50) { arriving.append(index) }
        for index in arriving.shuffled(using: &step.random) {
            _ = try deliver(index, to: step.office, strict: false, &step)
        }
        if step.chance(20), let again = courier.taken(by: step.office.name).randomElement(using: &step.random) {
            try deliverAgain(again, &step)
        }
    }

    /// Every laptop exports, the office imports everything on its way, each laptop imports the others' work.
    public func syncFully(_ step: inout SeasonSyncStep) throws {
        for laptop in step.laptops {
            if let data = try SeasonOffice.export(laptop, at: step.now, unlessEmpty: true) {
                courier.send(data, from: laptop.name)
            }
        }
        for party in step.everyone {
            for index in courier.waiting(for: party.name) { _ = try deliver(index, to: party, strict: true, &step) }
        }
    }

    /// Nothing runs between the steps: files wait where they are.
    public func stop() {}

    /// Imports parcel `index` into `receiver`; returns whether it was imported.
    ///
    /// A refusal is retried later; in a full round (`strict`) it breaks convergence.
    private func deliver(_ index: Int, to receiver: SeasonParty, strict: Bool, _ step: inout SeasonSyncStep) throws
        -> Bool
    {
        do {
            _ = try SeasonOffice.importBundle(
                courier.data(index), into: receiver.store, importer: receiver.name, catalog: step.catalog, at: step.now)
        } catch let error as BundleError {
            step.refused += 1
            if strict {
                step.breaches.append(InvariantBreach(.converging, "\(receiver.name) refuses a bundle: \(error)"))
            }
            return false
        }
        courier.markTaken(index, by: receiver.name)
        step.syncs += 1
        return true
    }

    /// The office imports a bundle it has already: nothing may change.
    private func deliverAgain(_ index: Int, _ step: inout SeasonSyncStep) throws {
        let report: ImportReport
        do {
            report = try SeasonOffice.importBundle(
                courier.data(index), into: step.office.store, importer: step.office.name, catalog: step.catalog,
                at: step.now)
        } catch let error as BundleError {
            step.breaches.append(
                InvariantBreach(.converging, "a bundle imported once is refused the second time: \(error)"))
            return
        }
        step.syncs += 1
        if report.newRows > 0 {
            step.breaches.append(
                InvariantBreach(.converging, "a bundle imported twice added \(report.newRows) rows the second time"))
        }
    }
}
