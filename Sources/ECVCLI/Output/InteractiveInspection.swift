import ECVModel
import ECVStore
import Foundation

/// The question-and-answer loop of `ecv inspect`: one prompt per item, validated, saved through `save`
/// before the next prompt appears.
struct InteractiveInspection {
    let queue: InspectionQueue
    let language: Language
    var position: Int

    private var messages: Messages { Messages(language) }

    /// Asks until every item is answered (returns true) or the engineer stops or input ends (false).
    mutating func run(save: (ItemResult) throws -> Void) throws -> Bool {
        let items = queue.items
        while position < items.count {
            let item = items[position]
            let suggested = item.kind == .text ? queue.carriedText[item.fullID] : nil
            Output.write(Terminal.safeLines(prompt(for: item, suggested: suggested)))
            guard let line = readLine() else {
                Output.write("\n" + messages("inspect.stopped") + "\n")
                return false
            }
            let typed = line.trimmingCharacters(in: .whitespaces)
            switch typed.lowercased() {
            case "q", "quit":
                Output.write(messages("inspect.stopped") + "\n")
                return false
            case "?", "help":
                Output.write(Terminal.safeLines(help(for: item)))
                continue
            case "b", "back":
                position = max(0, position - 1)
                continue
            default:
                break
            }
            let input = typed.isEmpty ? (suggested ?? "") : typed
            guard !input.isEmpty else {
                Output.write("  please answer, or ? for help\n")
                continue
            }
            let answer = Answer(parsing: input, for: item)
            var note: String?
            if answer == .fail || answer == .notApplicable {
                guard let given = askNote() else { return false }
                note = given
            }
            do {
                let result = try item.result(for: answer, note: note)
                try save(result)
                Output.write("  saved: \(result.status.rawValue.uppercased())\n")
                position += 1
            } catch let error as AnswerError {
                Output.write(Terminal.safeLines("  \(error)\n"))
            }
        }
        return true
    }

    private func askNote() -> String? {
        while true {
            Output.write("  note (why): ")
            guard let line = readLine() else { return nil }
            let note = line.trimmingCharacters(in: .whitespaces)
            if !note.isEmpty { return note }
            Output.write("  a note is needed\n")
        }
    }

    private func prompt(for item: ChecklistItem, suggested: String?) -> String {
        var text =
            "\n[\(position + 1)/\(queue.items.count)] \(item.fullID)  \(item.title.text(in: language))"
            + "  (\(item.severity.rawValue), \(item.kind.name))\n"
        if let method = item.method { text += "  \(method.text(in: language))\n" }
        switch item.kind {
        case .measure(let unit, let limits): text += "  value in \(unit), pass when \(limits)\n"
        case .choice(let choices, let passing):
            text += "  one of \(choices.joined(separator: ", ")); pass: \(passing.joined(separator: ", "))\n"
        case .check: text += "  p / f / na / s\n"
        case .text: text += suggested.map { "  text (Enter keeps \"\($0)\")\n" } ?? "  text\n"
        }
        return text + "> "
    }

    private func help(for item: ChecklistItem) -> String {
        """
          p pass · f fail (asks a note) · na not applicable (asks a note) · s skip (stays untested)
          a number for a measure · a choice · the text for a text item
          b back to the previous item · q stop (answers stay saved) · ? this help

        """
    }

    /// The closing lines: the verdict with its reasons.
    static func summary(vehicle: String, verdict: VehicleVerdict, completed: Bool) -> String {
        var text = "\n\(vehicle): \(verdict.readiness.label)" + (completed ? "" : " (inspection not finished)") + "\n"
        for finding in verdict.failed { text += "  failed: \(finding.itemID) (\(finding.severity.rawValue))\n" }
        if !verdict.untested.isEmpty { text += "  untested critical or major items: \(verdict.untested.count)\n" }
        return text
    }
}
