import ArgumentParser
import ECVModel
import ECVStore
import Foundation

/// `ecv export --out FILE`: a sync bundle of what this laptop recorded since its last export.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a sync bundle of everything recorded here since the last export.",
        discussion: """
            The bundle holds this laptop's inspections, results, photos and audit lines (not what it imported), as \
            JSON lines with a manifest of counts and SHA-256 sums. The next export starts where this one ends.

            Examples:
              ecv export --out laptop-3-2027-04-14.ecvbundle
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bundle file to write.")
    var out: String

    func run() throws {
        let store = try global.openStore()
        let laptop = Actor.current().laptop
        let (bundle, lastSeq) = try store.bundleSinceLastExport(laptop: laptop, at: Date(), id: TimeOrderedID.make())
        let data = try bundle.encoded()
        do {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CLIError.cannotWrite(out, error.localizedDescription)
        }
        try store.markExported(bundle, lastSeq: lastSeq, file: out, sha256: data.sha256Hex)
        Output.write(
            "exported \(bundle.inspections.count) inspections, \(bundle.results.count) results, "
                + "\(bundle.photos.count) photos, \(bundle.audit.count) audit lines to \(out)\n")
    }
}

/// `ecv import FILE`: merges a sync bundle into this database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a sync bundle: all of it or nothing; what is here already is skipped.",
        discussion: """
            A truncated, corrupted or changed bundle is refused whole. Importing a bundle twice adds nothing. \
            When two laptops changed the same item without seeing each other's change, both stay in the \
            audit trail, the later counts, and the conflict is printed.

            Examples:
              ecv import laptop-3-2027-04-14.ecvbundle
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The bundle file.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.unreadableFile(file) }
        let bundle: SyncBundle
        do {
            bundle = try SyncBundle(data: data)
        } catch {
            throw CLIError.badFile("\(file): \(error)")
        }
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let report = try store.importBundle(
            bundle, file: file,
            items: { vehicle in catalog.placement(ofVehicle: vehicle).map { catalog.items(applyingTo: $0.vehicle) } },
            by: Actor.current(), at: Date(), makeID: TimeOrderedID.make)
        var out =
            "imported from \(bundle.laptop): \(report.newInspections) new inspections, "
            + "\(report.finishedInspections) finished, \(report.newResults) new results "
            + "(\(report.knownResults) already here), \(report.newPhotos) new photos, \(report.newAuditLines) audit lines, "
            + "\(report.conflicts.count) conflict\(report.conflicts.count == 1 ? "" : "s")\n"
        for conflict in report.conflicts { out += "  \(conflict)\n" }
        Output.write(out)
    }
}
