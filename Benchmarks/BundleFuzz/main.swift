import ECVTestSupport
import Foundation

// bundle-fuzz [--mutants N] [--seed S]: imports N mutated, re-signed bundles and prints the counts.
var mutants = 5_000
var seed: UInt64 = 1
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--mutants": mutants = arguments.next().flatMap { Int($0) } ?? mutants
    case "--seed": seed = arguments.next().flatMap { UInt64($0) } ?? seed
    default:
        FileHandle.standardError.write(Data("usage: bundle-fuzz [--mutants N] [--seed S]\n".utf8))
        exit(2)
    }
}
let started = Date()
let counts = try BundleFuzzer().run(mutants: mutants, seed: seed)
let seconds = Date().timeIntervalSince(started)
print("| mutants | imported | refused | invariant breaks | seconds |")
print("|---|---|---|---|---|")
print(
    "| \(counts.mutants) | \(counts.imported) | \(counts.refused) | \(counts.breaks.count) | \(String(format: "%.1f", seconds)) |"
)
for line in counts.breaks.prefix(20) { print(line) }
exit(counts.breaks.isEmpty ? 0 : 1)
