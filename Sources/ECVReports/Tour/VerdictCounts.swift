import ECVModel

/// Vehicles counted by verdict, and the counts in words: `NOT DEPLOYABLE 1 · RESTRICTED 1 · …`.
struct VerdictCounts {
    let labels: ReportLabels

    /// The order counts are shown in: the worst first.
    static let order: [Readiness] = [.notDeployable, .restricted, .incomplete, .deployable, .notInspected]

    /// How many of `rows` have each verdict; each row is one vehicle.
    static func tally(_ rows: [BoardRow]) -> [Readiness: Int] {
        rows.reduce(into: [:]) { $0[$1.verdict.readiness, default: 0] += 1 }
    }

    /// The non-zero counts, worst first.
    func describe(_ counts: [Readiness: Int]) -> String {
        VerdictCounts.order.compactMap { readiness in
            counts[readiness].map { "\(labels(readiness.rawValue)) \(labels.number($0))" }
        }.joined(separator: " · ")
    }
}
