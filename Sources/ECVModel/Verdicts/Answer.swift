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

    /// Reads what an engineer typed for `item`: `p`/`pass`/合格, `f`/`fail`/不合格, `na`/不适用, `s`/`skip`/跳过,
    /// a number or a word.
    ///
    /// Keywords win over words, except where `item` is a choice with such an option. Full-width letters and
    /// digits of Chinese input methods count as their ASCII forms. For a measure, a number may carry a decimal
    /// comma and the item's unit (`0,3 dB`, `95s`); a number in another unit stays a word, which `result(for:)`
    /// refuses naming the unit it wants.
    public init(parsing raw: String, for item: ChecklistItem) {
        let trimmed = raw.trimmingWhitespace
        if case .choice(let choices, _) = item.kind, choices.contains(trimmed) {
            self = .word(trimmed)
            return
        }
        if let keyword = Answer.keywords[MeasuredValue.halfWidth(trimmed).lowercased()] {
            self = keyword
        } else if case .measure(let unit, _) = item.kind, let measured = MeasuredValue(trimmed), measured.isIn(unit) {
            self = .number(measured.value)
        } else {
            self = .word(trimmed)
        }
    }

    /// The answers an engineer may type as a word: the letter, the English word, and the catalogue's words
    /// for the status in both languages (合格, 不合格, 不适用, 跳过).
    static let keywords: [String: Answer] = {
        var all: [String: Answer] = [
            "p": .pass, "pass": .pass, "f": .fail, "fail": .fail, "na": .notApplicable, "n/a": .notApplicable,
            "s": .skip, "skip": .skip,
        ]
        let statuses: [(String, Answer)] = [
            ("status.pass", .pass), ("status.fail", .fail), ("status.na", .notApplicable), ("answer.skip", .skip),
        ]
        for (key, answer) in statuses {
            for word in Messages.typedWords(key) { all[word] = answer }
        }
        return all
    }()
}

/// Why an answer cannot be recorded for an item.
public enum AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    case noteRequired(item: String, status: ItemResult.Status)
    case numberRequired(item: String, unit: String)
    case notANumber(item: String, given: String)
    /// A number in another unit than the item's, such as `95 ms` for a value in `s`.
    case wrongUnit(item: String, given: String, unit: String)
    case notAChoice(item: String, given: String, choices: [String])
    case textRequired(item: String)
    case notForKind(item: String, answer: String, kind: String)
    /// An answer or a note longer than a record may carry (`EntryLimits.textBytes`).
    case tooLong(item: String, part: Part, bytes: Int, limit: Int)

    /// Which text of an entry an error is about.
    public enum Part: String, Sendable, Equatable {
        case answer, note
    }

    /// The message in English, as logs and files read it.
    public var description: String { message(Messages(.en)) }

    /// The message in the reader's language, naming the item and what to enter instead.
    public func message(_ messages: Messages) -> String {
        messages.sentence(said)
    }

    private func said(_ messages: Messages) -> String {
        switch self {
        case .noteRequired(let item, let status):
            return messages("answer.note-required", item, messages.status(status))
        case .numberRequired(let item, let unit):
            return messages("answer.number-required", item, unit)
        case .notANumber(let item, let given):
            return messages("answer.not-a-number", item, given)
        case .wrongUnit(let item, let given, let unit):
            return messages("answer.wrong-unit", item, given, unit)
        case .notAChoice(let item, let given, let choices):
            return messages("answer.not-a-choice", item, given, choices.joined(separator: ", "))
        case .textRequired(let item):
            return messages("answer.text-required", item)
        case .notForKind(let item, let answer, let kind):
            return messages("answer.not-for-kind", item, answer, messages.kind(named: kind))
        case .tooLong(let item, let part, let bytes, let limit):
            return messages("answer.too-long-\(part.rawValue)", item, String(bytes), String(limit))
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
        case (.word(let word), .measure(let unit, _)):
            guard MeasuredValue(word) != nil else { throw .notANumber(item: fullID, given: word) }
            throw .wrongUnit(item: fullID, given: word, unit: unit)
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
        try EntryLimits.standard.check(result)
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
