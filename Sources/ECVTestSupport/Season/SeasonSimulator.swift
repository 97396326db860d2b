import ECVModel
import Foundation

/// Plays a generated tour day by day through the library calls the commands make, and checks DESIGN.md's
/// invariants after every step (see "Season simulation").
///
/// The office plans and publishes; each day every team does its published day's visits and its engineer answers —
/// failures, repairs, rechecks, an inspection left half done — through `record`, the terminal or the web form;
/// laptops' work travels as bundles that reach the office late, out of order and now and then twice
/// (`FileTransport`), or through a hub (`SeasonTransport`); on days the seed picks
/// the office closes a site for a day, adds a holiday, calls a team out, adds or removes a vehicle, replans from that
/// day and publishes. Everything follows from the seed: the same seed plays the same season.
public struct SeasonSimulator: Sendable {
    /// The size and length of a season; `init(seed:)` derives a small one from the seed.
    public struct Settings: Sendable, Equatable {
        /// Everything the season does follows from it.
        public var seed: UInt64
        /// Teams, each with one line and one laptop.
        public var teams: Int
        /// Sites on each line.
        public var sitesPerRoute: Int
        /// Vehicles at each site.
        public var vehiclesPerSite: Int
        /// Calendar days from the lines' start to their end.
        public var days: Int
        /// Whether `days` was given rather than derived from the seed: the replay command then gives it too.
        public var daysGiven: Bool
        /// Search iterations of each plan and replan (no time limit, so that a seed gives one season).
        public var iterations = Settings.defaultIterations
        /// A folder to copy the season's databases and files into when it ends, to look at what happened.
        public var keep: URL?
        /// Whether the season syncs through a hub (`season-sim --hub`) rather than by files: the replay command
        /// then says so.
        public var overHub = false

        /// A season of two or three teams, four to six sites a line, one to three vehicles a site, 24 to 30 days.
        public init(seed: UInt64, days: Int? = nil) {
            var random = SeededGenerator(seed: seed)
            self.seed = seed
            teams = Int.random(in: 2...3, using: &random)
            sitesPerRoute = Int.random(in: 4...6, using: &random)
            vehiclesPerSite = Int.random(in: 1...3, using: &random)
            let derived = Int.random(in: 24...30, using: &random)
            self.days = days ?? derived
            daysGiven = days != nil
        }

        /// The search iterations a season makes unless told otherwise.
        public static let defaultIterations = 150

        /// The one command that plays this season again.
        public var replay: String {
            "swift run -c release season-sim" + (overHub ? " --hub" : "") + " --seasons 1 --seed \(seed)"
                + (daysGiven ? " --days \(days)" : "")
                + (iterations == Self.defaultIterations ? "" : " --iterations \(iterations)")
        }
    }

    /// The season's size, length and seed.
    public var settings: Settings

    /// A simulator of the season `settings` describe.
    public init(settings: Settings) {
        self.settings = settings
    }

    /// Plays the season in a temporary folder, its bundles carried by `transport` (files when `nil`); throws
    /// `SeasonError` when the season cannot go on (a store or the planner refusing what it should take), with the
    /// step and the command that replays it.
    ///
    /// A transport that waits for asynchronous work (a hub) blocks the calling thread: call it from a thread of
    /// its own, not from a task of the cooperative pool.
    public func run(transport: SeasonTransport? = nil) throws -> SeasonOutcome {
        let folder = try TemporaryFolder()
        defer {
            if let keep = settings.keep {
                try? FileManager.default.removeItem(at: keep)
                try? FileManager.default.copyItem(at: folder.url, to: keep)
            }
        }
        let transport = transport ?? FileTransport()
        defer { transport.stop() }
        var season = try SeasonRun(settings: settings, folder: folder.url, transport: transport)
        try season.play()
        return season.outcome
    }
}
