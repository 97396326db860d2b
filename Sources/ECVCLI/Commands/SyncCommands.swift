import ArgumentParser
import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation

/// `ecv export --out FILE`: a sync bundle of what this laptop recorded since its last export.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a sync bundle of everything recorded here since the last export.",
        discussion: """
            The bundle holds this laptop's inspections, results, photos and audit lines (not what it imported), as JSON lines with a manifest of counts and SHA-256 sums, signed with the laptop's key (`ecv keys init --laptop NAME`). The file is on disk before the work counts as exported; the next export starts where this one ends. A target that exists and is not a regular file is refused.

            Examples:
              ecv export --out laptop-3-2027-04-14.ecvbundle
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bundle file to write.")
    var out: String

    func run() throws {
        guard let key = try global.laptopKey() else {
            throw CLIError.badFile(KeyError.noLaptopKey(global.keysFolder.path).description)
        }
        let store = try global.openStore()
        let (bundle, lastSeq) = try store.bundleSinceLastExport(laptop: key.name, at: Date(), id: TimeOrderedID.make())
        let data = try bundle.encoded(signedWith: key)
        do {
            // The work counts as exported only once the file is on disk under its name.
            try DurableFile.replace(out, with: data)
        } catch {
            throw CLIError.badFile(error.description)
        }
        try store.markExported(bundle, lastSeq: lastSeq, file: out, sha256: data.sha256Hex)
        Output.write(
            "exported \(bundle.inspections.count) inspections, \(bundle.results.count) results, "
                + "\(bundle.photos.count) photos, \(bundle.audit.count) audit lines"
                + (bundle.plan.map { " and the published plan, version \($0.version)," } ?? "")
                + " to \(Terminal.safe(out))\n")
    }
}

/// `ecv import FILE`: merges a sync bundle into this database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a sync bundle: all of it or nothing; what is here already is skipped.",
        discussion: """
            Only bundles signed by an enrolled laptop (`ecv laptops enroll`) are taken, and every record must be that laptop's. A truncated, corrupted, unsigned or changed bundle, or one with a vehicle or item the catalog does not know, a time after its export, or a version out of range, is refused whole with one line. Importing a bundle twice adds nothing. When two laptops changed the same item without seeing each other's change, both stay in the audit trail, the later counts, and the conflict is printed.

            Examples:
              ecv import laptop-3-2027-04-14.ecvbundle
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The bundle file.")
    var file: String

    func run() throws {
        let data = try BoundedFile.read(file, limit: SyncBundle.maximumBytes)
        let bundle: SyncBundle
        do {
            bundle = try SyncBundle(data: data)
        } catch {
            throw CLIError.badFile("\(file): \(error)")
        }
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let actor = try global.actor()
        let routes = catalog.routes
        // A plan comes in only when it reads back as a plan; its times are checked like every other value.
        let rules = ImportRules(
            catalog: catalog, now: Date(), importer: actor.laptop,
            planProblem: { json in
                do {
                    _ = try TourPlan(json: json, routes: routes)
                    return nil
                } catch {
                    return (error as? PlanReadError)?.description ?? "not a readable plan"
                }
            })
        let report: ImportReport
        do {
            report = try store.importBundle(
                bundle, file: file, rules: rules, by: actor,
                makeID: TimeOrderedID.make)
        } catch let error as BundleError {
            throw CLIError.badFile("\(file): \(error)")
        }
        var out =
            "imported from \(Terminal.safe(bundle.laptop)): \(report.newInspections) new inspections, "
            + "\(report.finishedInspections) finished, \(report.newResults) new results "
            + "(\(report.knownResults) already here), \(report.newPhotos) new photos, \(report.newAuditLines) audit lines, "
            + "\(report.conflicts.count) conflict\(report.conflicts.count == 1 ? "" : "s")"
            + (report.adoptedPlan.map { "; follows the published plan it brought, now version \($0) here" } ?? "")
            + "\n"
        for conflict in report.conflicts { out += "  \(Terminal.safe(conflict.description))\n" }
        Output.write(out)
    }
}
