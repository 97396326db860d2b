import ECVRouting
import ECVTestSupport
import Foundation

// Solves Solomon instances at a fixed time each and prints distance, vehicles and gap to the reference.
// swift run -c release solomon-benchmark [--seconds S] [--threads N] [--only C101,R101] [--dir PATH]
// [--reference CSV]

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: [String] = arguments) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let seconds = option("--seconds").flatMap(Double.init) ?? 5
let directory = option("--dir") ?? ProjectPaths.solomonInstances.path
let referencePath = option("--reference") ?? ProjectPaths.solomonReference.path
let threads = option("--threads").flatMap(Int.init) ?? 1
let only = option("--only").map { Set($0.split(separator: ",").map(String.init)) }

var reference: [String: Double] = [:]
if let text = try? String(contentsOfFile: referencePath, encoding: .utf8) {
    for line in text.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: ",")
        if fields.count >= 3, let distance = Double(fields[2]) { reference[String(fields[0])] = distance }
    }
}

let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }
    .map { String($0.dropLast(4)) }.filter { only?.contains($0) ?? true }
    .sorted { ($0.filter(\.isLetter), $0) < ($1.filter(\.isLetter), $1) }

print("Solomon VRPTW, \(Int(seconds)) s per instance, seed 1, \(threads) thread\(threads == 1 ? "" : "s")")
print("| instance | distance | vehicles | reference | gap % | feasible | iterations |")
print("|---|---|---|---|---|---|---|")
var gapsByFamily: [String: [Double]] = [:]
var feasibleCount = 0
for name in names {
    let text = try String(contentsOfFile: "\(directory)/\(name).txt", encoding: .utf8)
    let instance = try SolomonInstance(parsing: text)
    var options = Solver.Options()
    options.timeLimit = .milliseconds(Int(seconds * 1000))
    options.maxIterations = .max
    options.threads = threads
    if let value = option("--t0").flatMap(Double.init) { options.initialTemperature = value }
    if let value = option("--tf").flatMap(Double.init) { options.finalTemperature = value }
    let solution = Solver(problem: instance.problem, options: options).solve()
    let feasible = SolomonCheck.isFeasible(solution, instance)
    if feasible { feasibleCount += 1 }
    let best = reference[name]
    let gap = best.map { (solution.distance - $0) / $0 * 100 }
    let family = String(name.prefix { $0.isLetter }) + String(name.drop { $0.isLetter }.prefix(1))
    if let gap { gapsByFamily[family, default: []].append(gap) }
    print(
        String(
            format: "| %@ | %.2f | %d | %@ | %@ | %@ | %d |", name, solution.distance, solution.routes.count,
            best.map { String(format: "%.2f", $0) } ?? "–", gap.map { String(format: "%.2f", $0) } ?? "–",
            feasible ? "yes" : "NO", solution.iterations))
}
print("\n| family | instances | mean gap % |")
print("|---|---|---|")
var all: [Double] = []
for family in ["C1", "C2", "R1", "R2", "RC1", "RC2"] {
    guard let gaps = gapsByFamily[family] else { continue }
    all += gaps
    print(String(format: "| %@ | %d | %.2f |", family, gaps.count, gaps.reduce(0, +) / Double(gaps.count)))
}
print(String(format: "| all | %d | %.2f |", all.count, all.reduce(0, +) / Double(max(1, all.count))))
print("feasible: \(feasibleCount)/\(names.count)")
