import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// One season being played: the office, the laptops, the bundles on their way, the seed's random numbers and what
/// has been found so far.
struct SeasonRun {
    let settings: SeasonSimulator.Settings
    let office: SeasonOffice
    let laptops: [SeasonLaptop]
    /// How bundles travel between the office and the laptops.
    let transport: SeasonTransport
    var random: SeededGenerator
    var outcome: SeasonOutcome
    /// Per vehicle, the day its repair is done, as the engineer phones it in.
    var ready: [String: CalendarDay] = [:]
    /// The days the office meets a fault, and which.
    var faults: [CalendarDay: SeasonFault] = [:]
    /// The step being played: its number, its day and what it does.
    var step = 0
    var day = CalendarDay(daysSinceEpoch: 0)
    var action = ""
    /// Breaches already reported: each is reported once.
    private var reported: Set<InvariantBreach> = []

    init(settings: SeasonSimulator.Settings, folder: URL, transport: SeasonTransport) throws {
        self.settings = settings
        self.transport = transport
        random = SeededGenerator(seed: settings.seed &* 0x9E37_79B9 &+ 7)
        outcome = SeasonOutcome(seed: settings.seed)
        let root = folder.appendingPathComponent(SeasonOffice.name)
        try CatalogGenerator(
            teams: settings.teams, sitesPerRoute: settings.sitesPerRoute, vehiclesPerSite: settings.vehiclesPerSite,
            days: settings.days, seed: settings.seed
        ).write(to: root, checklistsFrom: ProjectPaths.sampleCatalog.appendingPathComponent("Checklists"))
        office = try SeasonOffice(root: root, seed: settings.seed, iterations: settings.iterations)
        laptops = try office.catalog.teams.enumerated().map { index, team in
            try SeasonLaptop(
                name: "lap-\(index)", team: team.id, folder: folder.appendingPathComponent("lap-\(index)"))
        }
        try travel(at: SeasonClock.morning) { transport, step in try transport.start(&step) }
    }

    /// Plays every day from the office's first plan to the last team's return, then a last full sync round.
    mutating func play() throws {
        let catalog = office.catalog
        guard let first = catalog.routes.map(\.start).min(), let end = catalog.routes.map(\.end).max() else { return }
        faults = SeasonFault.schedule(from: first.adding(days: 3), to: end.adding(days: -5), random: &random)
        day = first.adding(days: -1)
        try perform("plan and publish") { run in try run.planFirst() }
        var current = first
        while current <= end.adding(days: 1), outcome.endedEarly == nil {
            day = current
            if let fault = faults[current] {
                try perform("\(fault.rawValue), replan and publish") { run in try run.meet(fault) }
            } else if first.days(to: current) % 5 == 4 {
                try perform("replan and publish") { run in try run.replan() }
            }
            for laptop in laptops {
                try perform("\(laptop.team)'s day") { run in try run.work(laptop) }
            }
            if first.days(to: current) % 7 == 6 {
                try perform("full sync round") { run in try run.syncFully() }
            } else {
                try perform("evening sync") { run in try run.syncEvening() }
            }
            outcome.daysPlayed += 1
            current = current.adding(days: 1)
        }
        if outcome.endedEarly == nil { try perform("last full sync round") { run in try run.syncFully() } }
    }

    /// Runs one step: numbers it, and turns a failure into `SeasonError.step` with the replay command.
    private mutating func perform(_ action: String, _ body: (inout SeasonRun) throws -> Void) throws {
        step += 1
        self.action = action
        do {
            try body(&self)
        } catch SeasonError.unreadablePlan(let version, let problem) {
            // Nobody can follow a plan that does not read: the season ends here, with the breach.
            report([InvariantBreach(.planChecker, "plan \(version) as stored does not read as a plan: \(problem)")])
            outcome.endedEarly = "\(day) \(action)"
        } catch {
            throw SeasonError.step(
                replay: settings.replay, step: step, action: "\(day) \(action)", problem: "\(error)")
        }
    }

    /// Records breaches found by the step being played, each once in the season.
    mutating func report(_ breaches: [InvariantBreach]) {
        for breach in breaches where reported.insert(breach).inserted {
            outcome.violations.append(
                SeasonViolation(
                    breach: breach, seed: settings.seed, step: step, action: action, day: day,
                    replay: settings.replay))
        }
    }

    /// Lets bundles travel at `minute` of the day being played, through `transport`; counts what it did and
    /// reports what its own checks found.
    mutating func travel(
        at minute: Int, _ body: (SeasonTransport, inout SeasonSyncStep) throws -> Void
    ) throws {
        var step = SeasonSyncStep(
            office: office.party, laptops: laptops.map(\.party), catalog: office.catalog, day: day, now: now(minute),
            random: random)
        try body(transport, &step)
        random = step.random
        outcome.syncs += step.syncs
        outcome.refusedImports += step.refused
        outcome.hubRestarts += step.restarts
        report(step.breaches)
    }

    /// The moment `minute` of the day being played.
    func now(_ minute: Int) -> Date {
        SeasonClock.date(day, minute: minute)
    }
}
