import ArgumentParser
import ECVCatalog
import ECVModel
import ECVStore
import ECVSync
import Foundation

/// `ecv record`: results in one go, from the command line or a file; all or nothing.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record results for a vehicle: all of them or, if any is bad, none.",
        discussion: """
            ITEM is the full id subsystem.item; VALUE is pass, fail, na, a number (measure items) or one of the item's choices. `na` and a declared `fail` need a note. Results go into the vehicle's open inspection, or a new one; a second result for an item is a correction (a new version). An item given twice, or a --note for an item not given, is refused. An inspection that now has a result for every item that applies is closed.

            A results file is CSV with a header naming vehicle, item, value and optionally note (or YAML with the same keys); quoted fields keep their commas and line breaks, and a row with more or fewer fields than the header is refused at its line and column.

            Examples:
              ecv record HLJ-FIRE-01 power.output-voltage=221.5 power.generator-start=pass
              ecv record HLJ-FIRE-01 power.generator-start=fail --note power.generator-start="starter relay dead"
              ecv record --file results.csv
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The vehicle, then ITEM=VALUE pairs.")
    var arguments: [String] = []

    @Option(help: ArgumentHelp("A note for an item (repeatable).", valueName: "item=text"))
    var note: [String] = []

    @Option(help: "A CSV (vehicle,item,value,note) or YAML file of results, for batch entry.")
    var file: String?

    @Option(help: "Who recorded the results (default: $USER).")
    var engineer: String?

    func validate() throws {
        if file == nil && arguments.count < 2 {
            throw ValidationError("give a vehicle and at least one ITEM=VALUE, or --file")
        }
        if file != nil && !arguments.isEmpty {
            throw ValidationError("give either --file or a vehicle with ITEM=VALUE")
        }
    }

    func run() throws {
        let catalog = try global.loadCatalog()
        let batches: [(vehicle: String, entries: [ResultEntry])]
        if let file {
            do {
                batches = try ResultFile.read(file)
            } catch {
                throw CLIError.badFile(error.description)
            }
        } else {
            batches = [(arguments[0], try entriesFromArguments())]
        }
        let placements = try batches.map { try global.placement(of: $0.vehicle, in: catalog) }
        let store = try global.openStore()
        // This season's failures make a re-check; the season begins with the published plan's first departure.
        let seasonStart = try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)?.plan.seasonStart
        let recorded: [(inspection: InspectionRecord, results: [ItemResult])]
        do {
            // Every entry is judged before anything is written, and everything is written in one transaction.
            recorded = try store.record(
                zip(placements, batches).map { ($0, $1.entries) }, catalog: catalog, by: try global.actor(engineer),
                at: Date(), seasonStart: seasonStart, makeID: TimeOrderedID.make)
        } catch let errors as EntryErrors {
            throw CLIError.entries(errors)
        }
        for (batch, result) in zip(batches, recorded) {
            Output.write(
                "recorded \(result.results.count) result\(result.results.count == 1 ? "" : "s") for \(batch.vehicle)\n")
        }
    }

    private func entriesFromArguments() throws -> [ResultEntry] {
        var notes: [String: String] = [:]
        for text in note {
            guard let equals = text.firstIndex(of: "=") else {
                throw ValidationError("--note needs ITEM=TEXT, found `\(Terminal.safe(text))`")
            }
            let item = String(text[..<equals])
            guard notes[item] == nil else {
                throw ValidationError("--note for `\(Terminal.safe(item))` is given twice")
            }
            notes[item] = String(text[text.index(after: equals)...])
        }
        let entries = try arguments.dropFirst().enumerated().map { index, pair in
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("expected ITEM=VALUE, found `\(Terminal.safe(pair))`")
            }
            let item = String(pair[..<equals])
            return ResultEntry(
                itemID: item, value: String(pair[pair.index(after: equals)...]), note: notes[item],
                source: "argument \(index + 2)")
        }
        // A note for an item not given would be lost: refuse it rather than drop it.
        for item in notes.keys.sorted() where !entries.contains(where: { $0.itemID == item }) {
            throw ValidationError("--note for `\(Terminal.safe(item))`, which is not given as ITEM=VALUE")
        }
        return entries
    }
}
