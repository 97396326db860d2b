import ECVCatalog
import ECVModel
import ECVReports
import ECVTestSupport
import Foundation

// Report speed: 1,000 vehicle inspection reports rendered to HTML (zh), each with its full results and one
// failure. Run in release mode: swift run -c release report-benchmark [--split] (--split: building vs rendering)

let folder = try TemporaryFolder()
let root = folder.url.appendingPathComponent("catalog")
try CatalogGenerator(teams: 10, sitesPerRoute: 10, vehiclesPerSite: 10, days: 60).write(
    to: root, checklistsFrom: ProjectPaths.packageRoot.appendingPathComponent("Checklists"))
let catalog = CatalogLoader.load(root: root).catalog
let placements = Array(catalog.placements.prefix(1_000))
let histories = placements.map { placement in
    VehicleHistory(
        vehicleID: placement.vehicle.id,
        results: catalog.items(applyingTo: placement.vehicle).enumerated().map { index, item in
            ItemResult(itemID: item.fullID, status: index == 3 ? .fail : .pass, note: index == 3 ? "see photo" : nil)
        })
}

var bytes = 0
var times: [Double] = []
for _ in 0..<3 {
    bytes = 0
    times.append(
        try seconds {
            for (placement, history) in zip(placements, histories) {
                let report = VehicleReport(
                    placement: placement, catalog: catalog, history: history, language: .zh)
                bytes += try report.html().utf8.count
            }
        })
}
if CommandLine.arguments.contains("--split") {
    var reports: [VehicleReport] = []
    let build = seconds {
        reports = zip(placements, histories).map { placement, history in
            VehicleReport(placement: placement, catalog: catalog, history: history, language: .zh)
        }
    }
    let render = try seconds { for report in reports { _ = try report.html() } }
    print("build", build, "render", render)
}
var pdfRow: String?
if let index = CommandLine.arguments.firstIndex(of: "--pdf"), index + 1 < CommandLine.arguments.count,
    let count = Int(CommandLine.arguments[index + 1])
{
    // A tour's worth of reports printed with one browser.
    let files = ReportFiles(folder: folder.url.appendingPathComponent("pdf"))
    var jobs: [(html: URL, pdf: URL)] = []
    for (placement, history) in zip(placements, histories).prefix(count) {
        let html = files.url(kind: "vehicle", id: placement.vehicle.id, language: "zh", extension: "html")
        try files.write(
            try VehicleReport(
                placement: placement, catalog: catalog, history: history, language: .zh
            ).html(), to: html)
        jobs.append((html, html.deletingPathExtension().appendingPathExtension("pdf")))
    }
    let printer = try ChromiumPrinter.find()
    let elapsed = try seconds { try printer.printAll(jobs) }
    let pages = jobs.count
    pdfRow = String(format: "| vehicle reports to PDF, one browser per core | %d | – | %.3f |", pages, elapsed)
}
print("| measure | reports | MB of HTML | seconds (median of 3) |")
print("|---|---|---|---|")
print(
    String(
        format: "| vehicle reports to HTML | %d | %.1f | %.3f |", placements.count, Double(bytes) / 1e6,
        times.sorted()[1]))
if let pdfRow { print(pdfRow) }
