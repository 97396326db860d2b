import ECVHub
import ECVSeasonHub
import ECVTestSupport
import Foundation

// Plays generated seasons day by day and checks DESIGN.md's invariants after every step; prints a table of what
// the seasons did and the violations found, by invariant, and for each violation the command that replays its
// season. Exit status 1 when any season broke an invariant or could not go on.
// Run in release mode: swift run -c release season-sim --seasons N --seed S [--days D] [--iterations N] [--all]
// [--keep DIR] [--hub] (--iterations: the search of each plan, default 150; --all prints every violation, not only
// the first of each invariant; --keep DIR copies the last season's databases, Routes/ and keys into DIR; --hub syncs
// the laptops and the office through a hub served here on a throwaway PostgreSQL cluster, restarted now and then,
// instead of carrying bundles as files).

func text(of option: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func value(of option: String) -> UInt64? {
    text(of: option).flatMap { UInt64($0) }
}

let printAll = CommandLine.arguments.contains("--all")
let overHub = CommandLine.arguments.contains("--hub")
let options = CommandLine.arguments.dropFirst().filter { $0 != "--all" && $0 != "--hub" }
let known = ["--seasons", "--seed", "--days", "--iterations", "--keep"]
for (index, argument) in options.enumerated() where index % 2 == 0 {
    guard known.contains(argument), argument == "--keep" ? text(of: argument) != nil : value(of: argument) != nil else {
        FileHandle.standardError.write(
            Data(
                "usage: season-sim --seasons N --seed S [--days D] [--iterations N] [--all] [--keep DIR] [--hub] (unknown or incomplete `\(argument)`)\n"
                    .utf8
            ))
        exit(2)
    }
}
let seasons = Int(value(of: "--seasons") ?? 1)
let firstSeed = value(of: "--seed") ?? 1
let days = value(of: "--days").map { Int($0) }

// One PostgreSQL cluster for the run, a new hub database for each season.
let cluster: TemporaryCluster?
do {
    cluster = overHub ? try TemporaryCluster(database: "season_sim") : nil
} catch {
    FileHandle.standardError.write(Data("season-sim --hub: \(error)\n".utf8))
    exit(1)
}

var daysPlayed = 0
var replans = 0
var answers = 0
var syncs = 0
var refused = 0
var restarts = 0
var stopped: [String] = []
var violations: [SeasonViolation] = []
var effects: [ReplanEffect] = []
let clock = ContinuousClock()
let start = clock.now
for offset in 0..<seasons {
    let seed = firstSeed &+ UInt64(offset)
    do {
        var settings = SeasonSimulator.Settings(seed: seed, days: days)
        settings.iterations = value(of: "--iterations").map { Int($0) } ?? settings.iterations
        settings.keep = text(of: "--keep").map { URL(fileURLWithPath: $0) }
        settings.overHub = overHub
        let outcome = try SeasonSimulator(settings: settings).run(transport: cluster.map { HubTransport(cluster: $0) })
        daysPlayed += outcome.daysPlayed
        replans += outcome.replans
        answers += outcome.answers
        syncs += outcome.syncs
        refused += outcome.refusedImports
        restarts += outcome.hubRestarts
        violations += outcome.violations
        effects += outcome.replanEffects
    } catch {
        stopped.append("\(error)")
    }
}
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

let byInvariant = Dictionary(grouping: violations, by: \.invariant).mapValues(\.count)
let breakdown = SeasonInvariant.allCases.map { "\($0.rawValue) \(byInvariant[$0, default: 0])" }.joined(separator: ", ")
print(
    "| seasons | transport | days played | replans | answers | syncs (refused) | hub restarts | violations "
        + "| seasons stopped | time |")
print("|---|---|---|---|---|---|---|---|---|---|")
print(
    String(
        format:
            "| %d (seeds %llu–%llu) | \(overHub ? "hub" : "files") | %d | %d | %d | %d (%d) | %d | %d | %d | %.1f s |",
        seasons, firstSeed, firstSeed &+ UInt64(max(0, seasons - 1)), daysPlayed, replans, answers, syncs, refused,
        restarts, violations.count, stopped.count, seconds))
print("")
// What replans did to the plans clients were told about: per replan, summed over the lines.
func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
let moved = effects.map { Double($0.movedVisits) }
let dropped = effects.map { Double($0.droppedVisits) }
let share = effects.filter { $0.announcedVisits > 0 }.map { Double($0.movedVisits) / Double($0.announcedVisits) }
let announced = effects.map { Double($0.announcedVisits) }
let workdays = effects.map { Double($0.workdays.after - $0.workdays.before) }
let idle = effects.map { Double($0.idleDays.after - $0.idleDays.before) }
let cost = effects.filter { $0.cost.before > 0 }.map { ($0.cost.after - $0.cost.before) / $0.cost.before * 100 }
print("| per replan | mean | max |")
print("|---|---|---|")
print(
    String(
        format: "| visits still to come in the published plan | %.1f | %.0f |", mean(announced), announced.max() ?? 0))
print(String(format: "| of them moved to another time | %.1f | %.0f |", mean(moved), moved.max() ?? 0))
print(String(format: "| of them no longer in the plan | %.1f | %.0f |", mean(dropped), dropped.max() ?? 0))
print(
    String(
        format: "| share of them moved | %.1f %% | %.1f %% |", mean(share) * 100, (share.max() ?? 0) * 100))
print(String(format: "| working days (all lines), change | %+.2f | %+.0f |", mean(workdays), workdays.max() ?? 0))
print(String(format: "| idle days (all lines), change | %+.2f | %+.0f |", mean(idle), idle.max() ?? 0))
print(String(format: "| cost (all lines), change | %+.2f %% | %+.2f %% |", mean(cost), cost.max() ?? 0))
print("")
print("violations by invariant: \(breakdown)")
let seedsByInvariant = Dictionary(grouping: violations, by: \.invariant).mapValues { Set($0.map(\.seed)).count }
print(
    "seasons with a violation, by invariant: "
        + SeasonInvariant.allCases.map { "\($0.rawValue) \(seedsByInvariant[$0, default: 0])" }.joined(separator: ", "))
if printAll {
    for violation in violations { print("  \(violation)") }
} else {
    for invariant in SeasonInvariant.allCases {
        // The first violation of each invariant, with its replay command; the rest are alike.
        if let first = violations.first(where: { $0.invariant == invariant }) { print("  \(first)") }
    }
}
for problem in stopped { print("  stopped: \(problem)") }
cluster?.stop()
exit(violations.isEmpty && stopped.isEmpty ? 0 : 1)
