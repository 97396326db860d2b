import ECVCatalog
import ECVTestSupport
import Foundation

// Loads a generated catalog of 5,000 vehicles at 500 sites (50 lines) and prints the time per load.
// Run in release mode: swift run -c release catalog-benchmark

let root = try TemporaryFolder()
let generator = CatalogGenerator(teams: 50, sitesPerRoute: 10, vehiclesPerSite: 10)
try generator.write(
    to: root.url.appendingPathComponent("catalog"),
    checklistsFrom: ProjectPaths.packageRoot
        .appendingPathComponent("Checklists"))
let catalogRoot = root.url.appendingPathComponent("catalog")

var seconds: [Double] = []
var summary = ""
for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    let load = CatalogLoader.load(root: catalogRoot)
    seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    summary =
        "\(load.catalog.routes.count) routes, \(load.catalog.routes.reduce(0) { $0 + $1.sites.count }) sites, "
        + "\(load.catalog.placements.count) vehicles, \(load.errors.count) errors, \(load.warnings.count) warnings"
}
seconds.sort()
print("catalog load — \(summary)")
print("| runs | min s | median s | max s |")
print("|---|---|---|---|")
print(
    String(
        format: "| %d | %.3f | %.3f | %.3f |", seconds.count, seconds[0], seconds[seconds.count / 2],
        seconds[seconds.count - 1]))
