import ArgumentParser
import ECVModel
import ECVStore
import Foundation

/// `ecv inspect VEHICLE`: item by item at the vehicle, each answer saved before the next question.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Inspect a vehicle item by item; every answer is saved at once and the run can be resumed.",
        discussion: """
            At each item type p (pass), f (fail), na, s (skip), a number for a measure, one of the choices, or the \
            text; ? for help, b to go back, q to stop (what is answered stays saved). fail and na ask for a note. \
            The Chinese words 合格, 不合格, 不适用, 跳过, 返回, 退出 and 帮助 work as the keys do, and full-width \
            letters and digits from a Chinese input method count as plain ones. A measure takes a decimal point or \
            comma and may carry the item's unit (0.3, 0,3, 0.3 dB, 95s); a value outside the item's limits asks to \
            confirm the failure (y/n) and for a note. Going back shows the answer saved for the item; Enter keeps \
            it. With --lang zh everything the command says is in Chinese; --lang both shows both languages. \
            Run the command again to continue where you stopped.

            Examples:
              ecv inspect HLJ-FIRE-01 --engineer "Zhang Wei"
              ecv inspect HLJ-FIRE-01 --subsystem power --lang zh
              ecv inspect HLJ-FIRE-01 --recheck          (after a repair: only the items that failed)

            Nothing is stored until the first answer. A vehicle whose latest result of some item failed gets a \
            re-check of those items; the inspection closes when each item it asks has a result.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The vehicle's id.")
    var vehicle: String

    @Option(help: "Only this subsystem's items.")
    var subsystem: Subsystem?

    @Flag(help: "Only a re-check: says so when no item's latest result failed.")
    var recheck = false

    @Option(help: "Who inspects (default: $USER).")
    var engineer: String?

    @Option(help: "Language of everything the command says: zh, en or both.")
    var lang: Language = .en

    func run() throws {
        let catalog = try global.loadCatalog()
        let placement = try global.placement(of: vehicle, in: catalog, language: lang)
        let store = try global.openStore()
        // Answers are recorded whatever the plan says; the engineer hears when the files here differ from it.
        let published = try PlanStorage.loadIfAny(.published, from: store, catalog: catalog)
        let seasonStart = published?.plan.seasonStart
        if let warning = published?.inputsWarning(root: global.rootURL, language: lang) {
            FileHandle.standardError.write(Data(warning.utf8))
        }
        let actor = try global.actor(engineer)
        let items = catalog.items(applyingTo: placement.vehicle)
        do {
            // The vehicle's state says what the inspection is: after a failure, a re-check of the failed items.
            let state = try store.inspectionState(
                ofVehicle: vehicle, items: items, seasonStart: seasonStart, at: Date())
            let required = Set(state.required)
            let messages = Messages(lang)
            let queue = InspectionQueue(
                items: items.filter { required.contains($0.fullID) }, history: try store.results(ofVehicle: vehicle),
                subsystem: subsystem)
            guard !queue.items.isEmpty, !recheck || state.kind == .recheck else {
                Output.write(
                    Terminal.safeLines(
                        (recheck
                            ? messages("inspect.nothing-to-recheck", vehicle)
                            : messages("inspect.nothing-to-inspect", vehicle)) + "\n"))
                return
            }
            let answered = try state.open.map { try store.results(in: $0) } ?? []
            var session = InteractiveInspection(
                queue: queue, messages: messages,
                position: queue.resumePosition(answered: Set(answered.map(\.itemID))), saved: answered)
            if state.open != nil {
                Output.write(
                    Terminal.safeLines(
                        messages(
                            "inspect.resuming", vehicle, String(session.position + 1), String(queue.items.count))
                            + "\n"))
            } else if state.kind == .recheck {
                Output.write(
                    Terminal.safeLines(messages("inspect.rechecking", vehicle, String(queue.items.count)) + "\n"))
            }
            // Nothing is stored until the first answer: it opens the inspection, and the answer that completes it
            // closes it.
            let fingerprints = ChecklistFingerprints(catalog.checklists)
            var inspection = state.open
            _ = try session.run { result in
                inspection = try store.record(
                    [result], for: placement, items: items, checklists: fingerprints, by: actor, at: Date(),
                    seasonStart: seasonStart, makeID: TimeOrderedID.make)
            }
            let verdict = VerdictRules.verdict(items: items, results: try store.results(ofVehicle: vehicle))
            Output.write(
                Terminal.safeLines(
                    InteractiveInspection.summary(
                        vehicle: vehicle, verdict: verdict, completed: inspection.map { $0.finishedAt != nil } ?? true,
                        messages: messages)))
        } catch let error as StoreError {
            throw CLIError.store(error)
        }
    }
}

extension Subsystem: ExpressibleByArgument {}
