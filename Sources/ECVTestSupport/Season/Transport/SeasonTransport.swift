import ECVModel
import ECVStore
import ECVSync
import Foundation

/// How the season's databases reach each other: bundles as files carried late, out of order and twice
/// (`FileTransport`), or syncs through a hub.
///
/// The season calls it at three moments: when the office has published (the plan goes out), in the evening (some
/// of what is on its way arrives) and at a full round (everything arrives everywhere; the season then checks that
/// the databases converged). The checks of the season stay the same whatever the transport; a transport adds its
/// own to the step (`SeasonSyncStep.breaches`).
public protocol SeasonTransport: AnyObject {
    /// Before the first plan: each database learns whose bundles it takes.
    func start(_ step: inout SeasonSyncStep) throws
    /// The office has just published: its plan reaches the laptops.
    func sendPlan(_ step: inout SeasonSyncStep) throws
    /// After the day's work: some laptops send, some of what is on its way arrives.
    func syncEvening(_ step: inout SeasonSyncStep) throws
    /// Every laptop and the office send, and everything on its way arrives everywhere.
    func syncFully(_ step: inout SeasonSyncStep) throws
    /// After the season's last step: whatever the transport runs stops.
    func stop()
}

/// One database of the season that sends and takes bundles: the office's or a laptop's.
public struct SeasonParty: Sendable {
    /// `office` or the laptop's name, which is its key's.
    public let name: String
    /// Its database.
    public let store: Store
    /// The bundle key its bundles are signed with.
    public let key: LaptopKey
    /// Its folder: Routes/ and Checklists/ (the office's own; a laptop's as a hub hands them) and the database.
    public let root: URL
    /// The database's file.
    public var databasePath: String { root.appendingPathComponent("ecv.sqlite").path }
}

/// A moment of the season at which bundles travel: who is there, the season's clock and random numbers, and what
/// the transport did and found.
public struct SeasonSyncStep {
    /// The office: it publishes and imports every laptop's work.
    public let office: SeasonParty
    /// The teams' laptops.
    public let laptops: [SeasonParty]
    /// The office's Routes/ and Checklists/ as they are now.
    public let catalog: Catalog
    /// The season's day.
    public let day: CalendarDay
    /// The moment of the step on `day`, in the lines' time zone.
    public let now: Date
    /// The season's random numbers: what a transport picks follows from the seed.
    public var random: SeededGenerator
    /// Bundles imported (a bundle imported twice counts twice), or syncs made with a hub.
    public var syncs = 0
    /// Bundles or syncs refused on the way (retried later).
    public var refused = 0
    /// Times the hub was stopped and started again.
    public var restarts = 0
    /// What the transport's own checks found.
    public var breaches: [InvariantBreach] = []

    /// A step at `now` of `day`, drawing from `random`.
    public init(
        office: SeasonParty, laptops: [SeasonParty], catalog: Catalog, day: CalendarDay, now: Date,
        random: SeededGenerator
    ) {
        self.office = office
        self.laptops = laptops
        self.catalog = catalog
        self.day = day
        self.now = now
        self.random = random
    }

    /// Whether a thing that happens `percent` times in a hundred happens now.
    public mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    /// Everyone: the office first, then the laptops.
    public var everyone: [SeasonParty] { [office] + laptops }
}
