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
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The vehicle's id.")
    var vehicle: String

    @Option(help: "Only this subsystem's items.")
    var subsystem: Subsystem?

    @Flag(help: "Only the items whose latest result failed.")
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
        if let warning = (try? PlanStorage.load(.published, from: store, catalog: catalog))?.inputsWarning(
            root: global.rootURL, language: lang)
        {
            FileHandle.standardError.write(Data(warning.utf8))
        }
        let actor = try global.actor(engineer)
        let items = catalog.items(applyingTo: placement.vehicle)
        do {
            let queue = InspectionQueue(
                items: items, history: try store.results(ofVehicle: vehicle),
                subsystem: subsystem, recheck: recheck)
            let messages = Messages(lang)
            guard !queue.items.isEmpty else {
                Output.write(
                    Terminal.safeLines(
                        (recheck
                            ? messages("inspect.nothing-to-recheck", vehicle)
                            : messages("inspect.nothing-to-inspect", vehicle)) + "\n"))
                return
            }
            let kind = recheck ? "recheck" : "full"
            let open = try store.openInspection(ofVehicle: vehicle).flatMap { $0.kind == kind ? $0 : nil }
            let inspection =
                try open
                ?? store.startInspection(
                    of: placement, team: placement.route.teamID, checklists: ChecklistFingerprints(catalog.checklists),
                    kind: kind, by: actor,
                    at: Date(), id: TimeOrderedID.make())
            let answered = try store.results(in: inspection)
            var session = InteractiveInspection(
                queue: queue, messages: messages,
                position: queue.resumePosition(answered: Set(answered.map(\.itemID))), saved: answered)
            if open != nil {
                Output.write(
                    Terminal.safeLines(
                        messages(
                            "inspect.resuming", vehicle, String(session.position + 1), String(queue.items.count))
                            + "\n"))
            }
            let completed = try session.run { result in
                try store.record(
                    [result], in: inspection, items: items, by: actor, at: Date(), makeID: TimeOrderedID.make)
            }
            if completed { try store.finish(inspection, by: actor, at: Date(), auditID: TimeOrderedID.make()) }
            let verdict = VerdictRules.verdict(items: items, results: try store.results(ofVehicle: vehicle))
            Output.write(
                Terminal.safeLines(
                    InteractiveInspection.summary(
                        vehicle: vehicle, verdict: verdict, completed: completed, messages: messages)))
        } catch let error as StoreError {
            throw CLIError.store(error)
        }
    }
}

extension Subsystem: ExpressibleByArgument {}
