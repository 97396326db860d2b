/// The verdict rules: from the latest result of each applicable item to subsystem and vehicle verdicts.
public enum VerdictRules {
    /// A subsystem's verdict from its items' statuses: FAIL when a critical item failed, else DEGRADED
    /// when a major or minor item failed, else INCOMPLETE when a critical or major item is untested,
    /// else PASS.
    public static func subsystemVerdict(_ outcomes: [(severity: Severity, status: ItemResult.Status)])
        -> SubsystemVerdict
    {
        if outcomes.contains(where: { $0.status == .fail && $0.severity == .critical }) { return .fail }
        if outcomes.contains(where: { $0.status == .fail }) { return .degraded }
        if outcomes.contains(where: { $0.status == .untested && $0.severity != .minor }) { return .incomplete }
        return .pass
    }

    /// The vehicle verdict over `items` (those that apply to it) from `results` in recording order;
    /// the last result of an item counts, results of other items are ignored.
    ///
    /// NOT_DEPLOYABLE when a critical item failed; else RESTRICTED when a major item failed; else
    /// INCOMPLETE when a critical or major item is untested; else DEPLOYABLE (minor failures are
    /// advisories). NOT_INSPECTED when no applicable item has any recorded result.
    public static func verdict(items: [ChecklistItem], results: [ItemResult]) -> VehicleVerdict {
        var latest: [String: ItemResult.Status] = [:]
        for result in results { latest[result.itemID] = result.status }

        var failed: [Finding] = []
        var untested: [Finding] = []
        var anyRecorded = false
        var bySubsystem: [Subsystem: [(severity: Severity, status: ItemResult.Status)]] = [:]
        for item in items {
            let recorded = latest[item.fullID]
            anyRecorded = anyRecorded || recorded != nil
            let status = recorded ?? .untested
            bySubsystem[item.subsystem, default: []].append((item.severity, status))
            let finding = Finding(itemID: item.fullID, severity: item.severity)
            if status == .fail { failed.append(finding) }
            if status == .untested && item.severity != .minor { untested.append(finding) }
        }
        failed.sort { $0.severity < $1.severity }

        let readiness: Readiness
        if !anyRecorded {
            readiness = .notInspected
        } else if failed.contains(where: { $0.severity == .critical }) {
            readiness = .notDeployable
        } else if failed.contains(where: { $0.severity == .major }) {
            readiness = .restricted
        } else if !untested.isEmpty {
            readiness = .incomplete
        } else {
            readiness = .deployable
        }
        let subsystems = bySubsystem.keys.sorted().map { subsystem in
            VehicleVerdict.SubsystemOutcome(
                subsystem: subsystem, verdict: subsystemVerdict(bySubsystem[subsystem] ?? []))
        }
        return VehicleVerdict(readiness: readiness, failed: failed, untested: untested, subsystems: subsystems)
    }
}
