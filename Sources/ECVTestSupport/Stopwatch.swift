/// Wall-clock seconds of a piece of work, for the benchmarks' tables.
public func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Wall-clock seconds since it was made, for work that is not one closure (a push among many concurrent ones).
public struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    /// A stopwatch started now.
    public init() {}

    /// Seconds since the stopwatch was made.
    public var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
