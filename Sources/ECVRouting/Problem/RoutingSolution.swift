/// The engine's answer: one route per used vehicle, and every job it could not place with the reason.
public struct RoutingSolution: Sendable, Equatable {
    /// One route per vehicle that serves a job, by vehicle index.
    public var routes: [Route]
    /// Every job no route serves, with the reason.
    public var unassigned: [Unassigned]
    /// Sum of route distances.
    public var distance: Double
    /// Sum over used vehicles of the time from departure to return.
    public var duration: Double
    /// Ruin-and-recreate iterations the search ran.
    public var iterations: Int

    /// The jobs one vehicle serves, in order, with their start times.
    public struct Route: Sendable, Equatable {
        /// The vehicle's index in the problem.
        public var vehicle: Int
        /// The jobs' indices in the order served.
        public var jobs: [Int]
        /// Start time of each job, the earliest the route allows.
        public var starts: [Double]
        /// When the vehicle leaves its start location, as late as possible without delaying any job.
        public var departure: Double
        /// When the vehicle reaches its end location.
        public var arrival: Double
        /// The distance driven from start to end location.
        public var distance: Double
    }

    /// A job left out, and why.
    public struct Unassigned: Sendable, Equatable {
        /// The job's index in the problem.
        public var job: Int
        /// Why no vehicle serves it.
        public var reason: UnassignedReason
    }
}

/// Why a job is not in any route.
public enum UnassignedReason: Sendable, Equatable {
    /// No vehicle has every skill the job needs.
    case missingSkills
    /// The job's demand exceeds every capable vehicle's capacity.
    case exceedsCapacity
    /// No capable vehicle can reach the job inside a window and get back inside its shift.
    case noReachableWindow
    /// Each route that could take it alone is full or has no time left once the other jobs are placed.
    case noRoom
}
