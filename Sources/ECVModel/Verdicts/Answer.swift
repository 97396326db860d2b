import Foundation

/// An engineer's entry for one item before it is judged: `pass`, a number, a choice.
public enum Answer: Sendable, Hashable {
    case pass
    case fail
    /// Not applicable on this vehicle; needs a note saying why.
    case notApplicable
    /// Skipped for now; the item stays untested.
    case skip
    case number(Double)
    /// An option of a `choice` item, or the text of a `text` item.
    case word(String)

    /// Reads what an engineer typed for `item`: `p`/`pass`, `f`/`fail`, `na`, `s`/`skip`, a number or a word.
    ///
    /// Keywords win over words, except where `item` is a choice with such an option.
    public init(parsing raw: String, for item: ChecklistItem) {
        let trimmed = raw.trimmingWhitespace
        let keyword = trimmed.lowercased()
        if case .choice(let choices, _) = item.kind, choices.contains(trimmed) {
            self = .word(trimmed)
            return
        }
        switch keyword {
        case "p", "pass": self = .pass
        case "f", "fail": self = .fail
        case "na", "n/a": self = .notApplicable
        case "s", "skip": self = .skip
        default:
            if case .measure = item.kind, let number = Double(trimmed) {
                self = .number(number)
            } else {
                self = .word(trimmed)
            }
        }
    }
}

/// Why an answer cannot be recorded for an item.
public enum AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    case noteRequired(item: String, status: ItemResult.Status)
    case numberRequired(item: String, unit: String)
    case notANumber(item: String, given: String)
    case notAChoice(item: String, given: String, choices: [String])
    case textRequired(item: String)
    case notForKind(item: String, answer: String, kind: String)

    /// The message in English, as logs and files read it.
    public var description: String { message(Messages(.en)) }

    /// The message in the reader's language, naming the item and what to enter instead.
    public func message(_ messages: Messages) -> String {
        switch self {
        case .noteRequired(let item, let status):
            return messages("answer.note-required", item, messages.status(status))
        case .numberRequired(let item, let unit):
            return messages("answer.number-required", item, unit)
        case .notANumber(let item, let given):
            return messages("answer.not-a-number", item, given)
        case .notAChoice(let item, let given, let choices):
            return messages("answer.not-a-choice", item, given, choices.joined(separator: ", "))
        case .textRequired(let item):
            return messages("answer.text-required", item)
        case .notForKind(let item, let answer, let kind):
            return messages("answer.not-for-kind", item, answer, messages.kind(named: kind))
        }
    }
}

extension ChecklistItem {
    /// Judges `answer` by the item's kind: a measure decides itself from its limits, a choice from its
    /// passing options; `na` and a declared `fail` need a note.
    public func result(for answer: Answer, note: String? = nil) throws(AnswerError) -> ItemResult {
        let note = note.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        var result = ItemResult(itemID: fullID, status: .untested, note: note)
        switch (answer, kind) {
        case (.skip, _):
            return result
        case (.notApplicable, _):
            result.status = .na
        case (.fail, _):
            result.status = .fail
        case (.pass, .check):
            result.status = .pass
        case (.pass, .measure(let unit, _)):
            throw .numberRequired(item: fullID, unit: unit)
        case (.pass, .choice(let choices, _)):
            throw .notAChoice(item: fullID, given: "pass", choices: choices)
        case (.pass, .text):
            throw .textRequired(item: fullID)
        case (.number(let value), .measure(_, let limits)):
            guard value.isFinite else { throw .notANumber(item: fullID, given: String(value)) }
            result.value = value
            result.status = limits.contains(value) ? .pass : .fail
        case (.word(let word), .measure):
            throw .notANumber(item: fullID, given: word)
        case (.word(let word), .choice(let choices, let passing)):
            guard choices.contains(word) else { throw .notAChoice(item: fullID, given: word, choices: choices) }
            result.choice = word
            result.status = passing.contains(word) ? .pass : .fail
        case (.word(let word), .text):
            guard !word.isEmpty else { throw .textRequired(item: fullID) }
            result.text = word
            result.status = .pass
        case (.number(let value), _):
            throw .notForKind(item: fullID, answer: Limits.format(value), kind: kind.name)
        case (.word(let word), .check):
            throw .notForKind(item: fullID, answer: word, kind: kind.name)
        }
        if (answer == .notApplicable || answer == .fail) && result.note == nil {
            throw .noteRequired(item: fullID, status: result.status)
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
