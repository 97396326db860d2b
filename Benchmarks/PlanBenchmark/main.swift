import ECVCatalog
import ECVPlanning
import ECVTestSupport
import Foundation

// Plans the shipped sample and a generated tour of 5,000 vehicles, 50 teams and 60 days; prints wall
// time, km, scheduled vehicles and the process's peak memory. Then compares the objectives: road km alone
// against the cost of DESIGN.md (km, working days, nights away at each line's rates), on the sample and on
// 20 generated tours, and counts the visits a one-day closure moves in a re-plan.
// Run in release mode: swift run -c release plan-benchmark [--skip-large]

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

func measure(_ name: String, root: URL, options: Planner.Options) throws -> String {
    let load = CatalogLoader.load(root: root)
    guard load.errors.isEmpty else { return "| \(name) | catalog has \(load.errors.count) errors | | | | |" }
    let clock = ContinuousClock()
    let start = clock.now
    let plan = try Planner(catalog: load.catalog, options: options).plan()
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return String(
        format: "| %@ | %d | %.2f | %.0f | %d | %d |", name, load.catalog.placements.count, seconds, plan.km,
        plan.vehicleCount, plan.unscheduled.count)
}

// `plan-benchmark --write-tour DIR TEAMS SITES VEHICLES DAYS` writes a generated tour (Routes/ and the shipped
// Checklists/) to DIR and stops, for timing `ecv plan --root DIR` as a dispatcher runs it.
if let flag = CommandLine.arguments.firstIndex(of: "--write-tour") {
    let values = CommandLine.arguments.dropFirst(flag + 1)
    let numbers = values.dropFirst().prefix(4).compactMap { Int($0) }
    guard let target = values.first, numbers.count == 4 else {
        print("usage: plan-benchmark --write-tour DIR TEAMS SITES-PER-LINE VEHICLES-PER-SITE DAYS")
        exit(2)
    }
    guard !FileManager.default.fileExists(atPath: target) else {
        FileHandle.standardError.write(Data("error: \(target) exists; give a folder that does not\n".utf8))
        exit(1)
    }
    do {
        try CatalogGenerator(
            teams: numbers[0], sitesPerRoute: numbers[1], vehiclesPerSite: numbers[2], days: numbers[3]
        )
        .write(
            to: URL(fileURLWithPath: target),
            checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))
    } catch {
        FileHandle.standardError.write(Data("error: cannot write the tour to \(target): \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

let folder = try TemporaryFolder()
let generated = folder.url.appendingPathComponent("generated")
try CatalogGenerator(teams: 50, sitesPerRoute: 10, vehiclesPerSite: 10, days: 60).write(
    to: generated, checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))

let skipLarge = CommandLine.arguments.contains("--skip-large")
print("| tour | vehicles | seconds | km | scheduled | unscheduled |")
print("|---|---|---|---|---|---|")
// The sample with `ecv plan`'s defaults; the large tour with a 25 s search, so that the whole plan,
// model building included, stays inside 30 s.
print(try measure("sample (ecv plan defaults)", root: ProjectPaths.sampleCatalog, options: Planner.Options()))
var large = Planner.Options()
large.timeLimit = .seconds(25)
large.maxIterations = .max
large.maxIterationsWithoutImprovement = 20_000
if !skipLarge {
    print(try measure("5,000 vehicles / 50 teams / 60 days", root: generated, options: large))
    print(String(format: "peak memory (max RSS): %.0f MiB", peakMemoryMiB()))
}

print("")
print(try ObjectiveComparison(folder: folder).table())
print(try ClosureReplan().table())
