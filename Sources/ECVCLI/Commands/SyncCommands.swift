import ArgumentParser
import ECVHubSync
import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVSync
import Foundation

/// `ecv export --out FILE`: a sync bundle of what this laptop recorded since its last export.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a sync bundle of everything recorded here since the last export.",
        discussion: """
            The bundle holds this laptop's inspections, results, photos and audit lines (not what it imported), and at the office (where the office key of `ecv keys init` is) the published plan, as JSON lines with a manifest of counts and SHA-256 sums, signed with the laptop's key (`ecv keys init --laptop NAME`). The file is on disk before the work counts as exported; the next export starts where this one ends. A target that exists and is not a regular file is refused.

            A bundle lost on the way is written again with --since DATE (everything recorded here on or after that day, UTC) or --all; importing it where part of it already is adds only what is missing.

            Examples:
              ecv export --out laptop-3-2027-04-14.ecvbundle
              ecv export --since 2027-04-10 --out laptop-3-again.ecvbundle
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keyOptions: KeyOptions

    @Option(help: "The bundle file to write.")
    var out: String

    @Option(help: ArgumentHelp("Write again everything recorded here on or after this day (UTC).", valueName: "date"))
    var since: String?

    @Flag(help: "Write again everything recorded here.")
    var all = false

    func validate() throws {
        if since != nil && all { throw ValidationError("--since and --all exclude each other") }
        if let since, CalendarDay(iso: since) == nil {
            throw ValidationError("--since \(Terminal.safe(since)) is not a day (YYYY-MM-DD)")
        }
    }

    /// Where the export starts: after the last one, or earlier for a bundle lost on the way.
    var start: ExportStart {
        if all { return .all }
        guard let day = since.flatMap({ CalendarDay(iso: $0) }) else { return .lastExport }
        return .since(Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400))
    }

    func run() throws {
        guard let key = try global.laptopKey() else {
            throw CLIError.badFile(KeyError.noLaptopKey(global.keysFolder.path).description)
        }
        let store = try global.openStore()
        // Only the office, which holds the office key, sends the published plan; a laptop's plans stay on it.
        let office = FileManager.default.fileExists(
            atPath: keyOptions.folder(global).appendingPathComponent(ReportSigner.privateKeyName).path)
        let (bundle, lastSeq) = try store.bundleSinceLastExport(
            laptop: key.name, at: Date(), id: TimeOrderedID.make(), carryingPlan: office, start: start)
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
        let importer = BundleImporter(
            catalog: try global.loadCatalog(), store: try global.openStore(), actor: try global.actor())
        Output.write(try importer.take(data, named: file, at: Date()))
    }
}
