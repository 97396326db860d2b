/// A vehicle routing problem with time windows: jobs to serve, vehicles to serve them, and the cost of
/// moving between locations.
///
/// Times and durations are in one unit of the caller's choosing (minutes for tours, the instance's own
/// unit for Solomon); distances likewise. Locations are indices into the matrices, so many jobs may share
/// one location at no travel cost between them.
public struct RoutingProblem: Sendable {
    /// What is to be done, by index.
    public var jobs: [Job]
    /// Who can do it, by index.
    public var vehicles: [Vehicle]
    /// One matrix per travel profile; a vehicle travels by `matrices[vehicle.travelProfile]`.
    public var matrices: [TravelMatrix]

    /// A problem with these jobs and vehicles; the matrices must share one size.
    public init(jobs: [Job], vehicles: [Vehicle], matrices: [TravelMatrix]) {
        precondition(!matrices.isEmpty && matrices.allSatisfy { $0.size == matrices[0].size }, "matrices of one size")
        self.jobs = jobs
        self.vehicles = vehicles
        self.matrices = matrices
    }

    /// A problem whose vehicles all travel by one matrix.
    public init(jobs: [Job], vehicles: [Vehicle], matrix: TravelMatrix) {
        self.init(jobs: jobs, vehicles: vehicles, matrices: [matrix])
    }

    /// The matrix of travel profile 0.
    public var matrix: TravelMatrix {
        get { matrices[0] }
        set { matrices[0] = newValue }
    }

    /// A job's duration and start windows as seen on one clock.
    public struct Terms: Sendable, Hashable {
        /// Time spent once the job starts, on this clock.
        public var serviceDuration: Double
        /// Allowed start times on this clock, sorted and disjoint.
        public var windows: [TimeWindow]

        /// Terms of these parts.
        public init(serviceDuration: Double, windows: [TimeWindow]) {
            self.serviceDuration = serviceDuration
            self.windows = windows
        }
    }

    /// Something to do at one location: serve a customer, inspect a vehicle.
    public struct Job: Sendable, Hashable {
        /// Index of the job's location in the matrices.
        public var location: Int
        /// Time spent at the location once the job starts.
        public var serviceDuration: Double
        /// Allowed start times, sorted and disjoint; the job starts inside one of them.
        public var windows: [TimeWindow]

        /// The terms on `clock`.
        public func terms(onClock clock: Int) -> Terms {
            termsByClock.map { $0[clock] } ?? Terms(serviceDuration: serviceDuration, windows: windows)
        }
        /// Skill bits the serving vehicle must all have.
        public var skills: SkillSet
        /// What the job takes of a vehicle's capacity.
        public var demand: Int
        /// High-priority jobs are the last to be left unassigned.
        public var priority: Priority
        /// The vehicles allowed to serve the job; `nil` means any with the skills.
        public var allowedVehicles: [Int]?
        /// Duration and windows per vehicle clock (`termsByClock[vehicle.clock]`), for vehicles whose times
        /// are counted differently; `nil` means `serviceDuration` and `windows` on every clock.
        public var termsByClock: [Terms]?

        /// A job of these parts, any vehicle with the skills allowed by default.
        public init(
            location: Int, serviceDuration: Double, windows: [TimeWindow], skills: SkillSet = [], demand: Int = 0,
            priority: Priority = .normal, allowedVehicles: [Int]? = nil, termsByClock: [Terms]? = nil
        ) {
            self.location = location
            self.serviceDuration = serviceDuration
            self.windows = windows
            self.skills = skills
            self.demand = demand
            self.priority = priority
            self.allowedVehicles = allowedVehicles
            self.termsByClock = termsByClock
        }

        /// A job that must start exactly at `time`.
        public static func pinned(
            location: Int, serviceDuration: Double, at time: Double, skills: SkillSet = [], demand: Int = 0,
            priority: Priority = .normal
        ) -> Job {
            Job(
                location: location, serviceDuration: serviceDuration, windows: [TimeWindow(time, time)],
                skills: skills, demand: demand, priority: priority)
        }
    }

    /// How urgently a job must be served.
    public enum Priority: Int, Sendable, Hashable, Comparable {
        case normal = 0
        case high = 1

        /// Normal before high, so the highest is the maximum.
        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A vehicle (or a team on a tour): where it starts and ends, when it works, what it can do.
    public struct Vehicle: Sendable, Hashable {
        /// Index of the location the vehicle leaves from.
        public var startLocation: Int
        /// Index of the location the vehicle returns to.
        public var endLocation: Int
        /// Earliest departure from the start and latest arrival at the end.
        public var shift: TimeWindow
        /// Skill bits the vehicle has.
        public var skills: SkillSet
        /// The demand the vehicle can carry in all.
        public var capacity: Int
        /// Cost of using the vehicle at all, in distance units.
        public var fixedCost: Double
        /// Cost per unit of time from the start of the shift to the return, in distance units.
        ///
        /// What a day out costs beside the distance driven (a team's per diem and hotel); 0 for a
        /// distance-only objective.
        public var timeCost: Double
        /// When set, time is paid in whole periods begun (a working day), as a per diem is: a return ten
        /// minutes earlier on the same day saves nothing.
        public var timeCostPeriod: Double?
        /// A daily limit on travel; `nil` means travel runs on without pause.
        public var dailyTravel: DailyTravel?
        /// Travel already done on the day the shift starts, which counts against `dailyTravel` that day: a
        /// vehicle that resumes mid-day after driving in the morning.
        public var travelBeforeShift: Double = 0
        /// Index into the problem's matrices.
        public var travelProfile: Int
        /// Index into jobs' `termsByClock`: vehicles on one clock count time the same way.
        public var clock: Int

        /// A vehicle of these parts, free and of unlimited capacity by default.
        public init(
            startLocation: Int, endLocation: Int, shift: TimeWindow, skills: SkillSet = [], capacity: Int = .max,
            fixedCost: Double = 0, timeCost: Double = 0, timeCostPeriod: Double? = nil,
            dailyTravel: DailyTravel? = nil, travelProfile: Int = 0, clock: Int = 0
        ) {
            self.startLocation = startLocation
            self.endLocation = endLocation
            self.shift = shift
            self.skills = skills
            self.capacity = capacity
            self.fixedCost = fixedCost
            self.timeCost = timeCost
            self.timeCostPeriod = timeCostPeriod
            self.dailyTravel = dailyTravel
            self.travelProfile = travelProfile
            self.clock = clock
        }
    }
}

/// A closed interval of time, `start ≤ end`.
public struct TimeWindow: Sendable, Hashable {
    /// The earliest moment of the window.
    public var start: Double
    /// The latest moment of the window.
    public var end: Double

    /// The window from `start` to `end`.
    public init(_ start: Double, _ end: Double) {
        self.start = start
        self.end = end
    }
}

/// Up to 64 skills as bits; a vehicle serves a job when it has every bit the job asks for.
public struct SkillSet: OptionSet, Sendable, Hashable {
    /// One bit per skill.
    public var rawValue: UInt64

    /// The set whose bits are `rawValue`.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The set with only skill number `index` (0–63).
    public static func skill(_ index: Int) -> SkillSet {
        SkillSet(rawValue: 1 << UInt64(index))
    }
}

/// Distances and travel durations between locations, as square matrices stored row by row.
public struct TravelMatrix: Sendable {
    /// How many locations the matrices hold.
    public let size: Int
    /// Distance from location `i` to `j` at `i × size + j`.
    public private(set) var distances: [Double]
    /// Travel duration from location `i` to `j` at `i × size + j`.
    public private(set) var durations: [Double]

    /// A matrix from row-major arrays of `size × size` values.
    public init(size: Int, distances: [Double], durations: [Double]) {
        precondition(distances.count == size * size && durations.count == size * size, "matrix must be size × size")
        self.size = size
        self.distances = distances
        self.durations = durations
    }

    /// The distance from `from` to `to`.
    public func distance(_ from: Int, _ to: Int) -> Double { distances[from * size + to] }
    /// The travel duration from `from` to `to`.
    public func duration(_ from: Int, _ to: Int) -> Double { durations[from * size + to] }
}
