import ECVModel
import ECVStore
import Foundation

/// The question-and-answer loop of `ecv inspect`: one prompt per item, validated, saved through `save`
/// before the next prompt appears.
///
/// Everything it says comes from the message catalogue in the engineer's language. Going back shows the answer
/// saved for the item, which Enter keeps; a measured value outside the item's limits is recorded as a failure
/// only once the engineer confirms it and says why.
struct InteractiveInspection {
    let queue: InspectionQueue
    let messages: Messages
    var position: Int
    /// The answers saved in this inspection, by full item id: shown again when the engineer goes back.
    var saved: [String: ItemResult]

    init(queue: InspectionQueue, messages: Messages, position: Int, saved: [ItemResult]) {
        self.queue = queue
        self.messages = messages
        self.position = position
        self.saved = Dictionary(saved.map { ($0.itemID, $0) }, uniquingKeysWith: { _, latest in latest })
    }

    /// What the engineer typed that is not an answer: a move or a question.
    enum Command {
        case quit, help, back

        /// The command `typed` names: the key letter or word, or the catalogue's word in either language.
        init?(_ typed: String) {
            let word = MeasuredValue.halfWidth(typed).lowercased()
            if word == "q" || Messages.typedWords("input.quit").contains(word) {
                self = .quit
            } else if word == "?" || Messages.typedWords("input.help").contains(word) {
                self = .help
            } else if word == "b" || Messages.typedWords("input.back").contains(word) {
                self = .back
            } else {
                return nil
            }
        }
    }

    /// How asking for one answer ended.
    private enum Outcome {
        case recorded(ItemResult)
        case askAgain
        case inputEnded
    }

    /// Asks until every item is answered (returns true) or the engineer stops or input ends (false).
    mutating func run(save: (ItemResult) throws -> Void) throws -> Bool {
        let items = queue.items
        while position < items.count {
            let item = items[position]
            let kept = saved[item.fullID]
            let suggested = item.kind == .text ? queue.carriedText[item.fullID] : nil
            Output.write(Terminal.safeLines(prompt(for: item, kept: kept, suggested: suggested)))
            guard let line = readLine() else { return stopped(atEndOfInput: true) }
            let typed = line.trimmingCharacters(in: .whitespaces)
            switch Command(typed) {
            case .quit: return stopped(atEndOfInput: false)
            case .help:
                Output.write(Terminal.safeLines(help))
                continue
            case .back:
                position = max(0, position - 1)
                continue
            case nil: break
            }
            if typed.isEmpty, kept != nil {
                position += 1
                continue
            }
            let input = typed.isEmpty ? (suggested ?? "") : typed
            guard !input.isEmpty else {
                Output.write("  " + messages("inspect.answer-needed") + "\n")
                continue
            }
            switch judge(input, for: item) {
            case .inputEnded: return stopped(atEndOfInput: true)
            case .askAgain: continue
            case .recorded(let result):
                try save(result)
                saved[item.fullID] = result
                let line = messages.sentence { messages in
                    messages("inspect.saved", Self.describe(result, of: item, messages))
                }
                Output.write(Terminal.safeLines("  " + line + "\n"))
                position += 1
            }
        }
        return true
    }

    private func stopped(atEndOfInput: Bool) -> Bool {
        Output.write((atEndOfInput ? "\n" : "") + messages("inspect.stopped") + "\n")
        return false
    }

    /// The result `input` gives for `item`, after a note where one is needed and a confirmation where a
    /// measured value fails its limits.
    private func judge(_ input: String, for item: ChecklistItem) -> Outcome {
        let answer = Answer(parsing: input, for: item)
        do throws(AnswerError) {
            if answer == .fail || answer == .notApplicable {
                guard let note = askNote() else { return .inputEnded }
                return .recorded(try item.result(for: answer, note: note))
            }
            var result = try item.result(for: answer)
            if case .measure(let unit, let limits) = item.kind, let value = result.value, result.status == .fail {
                let shown = "\(Limits.format(value)) \(unit)"
                let question = "  " + messages("inspect.outside-limits", shown, limits.description)
                switch askYesOrNo(question) {
                case nil: return .inputEnded
                case false?: return .askAgain
                case true?:
                    guard let note = askNote() else { return .inputEnded }
                    result.note = note
                    try EntryLimits.standard.check(result)
                }
            }
            return .recorded(result)
        } catch {
            Output.write(Terminal.safeLines("  " + error.message(messages) + "\n"))
            return .askAgain
        }
    }

    /// Asks until the engineer says yes or no; `nil` at the end of input.
    private func askYesOrNo(_ question: String) -> Bool? {
        while true {
            Output.write(Terminal.safeLines(question))
            guard let line = readLine() else { return nil }
            let word = MeasuredValue.halfWidth(line.trimmingCharacters(in: .whitespaces)).lowercased()
            if word == "y" || Messages.typedWords("input.yes").contains(word) { return true }
            if word == "n" || Messages.typedWords("input.no").contains(word) { return false }
            Output.write("  " + messages("inspect.yes-or-no") + "\n")
        }
    }

    /// Asks until a note is given; `nil` at the end of input.
    private func askNote() -> String? {
        while true {
            Output.write("  " + messages("inspect.note-prompt"))
            guard let line = readLine() else { return nil }
            let note = line.trimmingCharacters(in: .whitespaces)
            if !note.isEmpty { return note }
            Output.write("  " + messages("inspect.note-needed") + "\n")
        }
    }

    private func prompt(for item: ChecklistItem, kept: ItemResult?, suggested: String?) -> String {
        let heading = messages.sentence { messages in
            messages(
                "inspect.item", messages.text(item.title), messages.severity(item.severity),
                messages.kind(named: item.kind.name))
        }
        var text = "\n[\(position + 1)/\(queue.items.count)] \(item.fullID)  \(heading)\n"
        if let method = item.method { text += "  \(messages.text(method))\n" }
        switch item.kind {
        case .measure(let unit, let limits): text += "  " + messages("inspect.measure", unit, limits.description) + "\n"
        case .choice(let choices, let passing):
            text +=
                "  " + messages("inspect.choice", choices.joined(separator: ", "), passing.joined(separator: ", "))
                + "\n"
        case .check: text += "  " + messages("inspect.check") + "\n"
        case .text:
            text += "  " + (suggested.map { messages("inspect.text-kept", $0) } ?? messages("inspect.text")) + "\n"
        }
        if let kept {
            text +=
                "  "
                + messages.sentence { messages in
                    messages("inspect.saved-before", Self.describe(kept, of: item, messages))
                } + "\n"
        }
        return text + "> "
    }

    /// A saved answer as the engineer reads it: `0.8 dB, FAIL — note: …`.
    private static func describe(_ result: ItemResult, of item: ChecklistItem, _ messages: Messages) -> String {
        var given: String?
        if let value = result.value, case .measure(let unit, _) = item.kind {
            given = "\(Limits.format(value)) \(unit)"
        }
        let status = messages.status(result.status).uppercased()
        let answer = [given ?? result.choice ?? result.text, status].compactMap { $0 }.joined(
            separator: messages.comma)
        return result.note.map { messages("inspect.with-note", answer, $0) } ?? answer
    }

    private var help: String {
        "  " + messages("inspect.help.answers") + "\n  " + messages("inspect.help.values") + "\n  "
            + messages("inspect.help.moves") + "\n\n"
    }

    /// The closing lines: the verdict with its reasons.
    static func summary(vehicle: String, verdict: VehicleVerdict, completed: Bool, messages: Messages) -> String {
        let heading = messages.sentence { messages in
            let readiness = messages.readiness(verdict.readiness)
            return completed
                ? messages("inspect.verdict", vehicle, readiness)
                : messages("inspect.verdict-unfinished", vehicle, readiness)
        }
        var text = "\n" + heading + "\n"
        for finding in verdict.failed {
            text +=
                "  "
                + messages.sentence { messages in
                    messages("inspect.failed", finding.itemID, messages.severity(finding.severity))
                } + "\n"
        }
        if !verdict.untested.isEmpty {
            text += "  " + messages("inspect.untested", String(verdict.untested.count)) + "\n"
        }
        return text
    }
}
