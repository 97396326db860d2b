import ECVModel
import ECVTestSupport
import Foundation
import Testing

@Suite struct AnswerTests {
    static let voltage = ChecklistItem.make(
        "output-voltage", kind: .measure(unit: "V", limits: Limits(min: 209, max: 231)))
    static let polarisation = ChecklistItem.make(
        "feed", subsystem: .antenna, kind: .choice(choices: ["linear", "circular"], passing: ["linear"]))
    static let serial = ChecklistItem.make("serial", kind: .text)
    static let drive = ChecklistItem.make("drive", kind: .check)

    @Test(arguments: [
        (208.99, ItemResult.Status.fail), (209, .pass), (220, .pass), (231, .pass), (231.01, .fail), (-1, .fail),
    ])
    func measureDecidesItselfWithInclusiveLimits(_ value: Double, _ status: ItemResult.Status) throws {
        let result = try Self.voltage.result(for: .number(value))
        #expect(result.status == status)
        #expect(result.value == value)
        #expect(result.itemID == "power.output-voltage")
    }

    @Test(arguments: [
        (Limits(min: 10), 10.0, true), (Limits(min: 10), 9.999, false), (Limits(max: 0.5), 0.5, true),
        (Limits(max: 0.5), 0.51, false),
    ])
    func oneSidedLimitsAreInclusive(_ limits: Limits, _ value: Double, _ inside: Bool) {
        #expect(limits.contains(value) == inside)
    }

    @Test func choiceDecidesItselfFromPassingOptions() throws {
        #expect(try Self.polarisation.result(for: .word("linear")).status == .pass)
        let circular = try Self.polarisation.result(for: .word("circular"))
        #expect(circular.status == .fail && circular.choice == "circular")
    }

    @Test func textIsRecordedAsPassed() throws {
        let result = try Self.serial.result(for: .word("SN-4471"))
        #expect(result.status == .pass && result.text == "SN-4471")
    }

    @Test func notApplicableNeedsANote() throws {
        #expect(throws: AnswerError.noteRequired(item: "power.drive", status: .na)) {
            try Self.drive.result(for: .notApplicable)
        }
        #expect(throws: AnswerError.noteRequired(item: "power.drive", status: .na)) {
            try Self.drive.result(for: .notApplicable, note: "   ")
        }
        let result = try Self.drive.result(for: .notApplicable, note: "no mast fitted")
        #expect(result.status == .na && result.note == "no mast fitted")
    }

    @Test func declaredFailureNeedsANote() throws {
        #expect(throws: AnswerError.noteRequired(item: "power.drive", status: .fail)) {
            try Self.drive.result(for: .fail)
        }
        #expect(try Self.voltage.result(for: .fail, note: "meter shows no output").status == .fail)
    }

    @Test func skipLeavesTheItemUntested() throws {
        #expect(try Self.voltage.result(for: .skip).status == .untested)
    }

    @Test func rejectsAnswersOfTheWrongKind() {
        #expect(throws: AnswerError.numberRequired(item: "power.output-voltage", unit: "V")) {
            try Self.voltage.result(for: .pass)
        }
        #expect(throws: AnswerError.notANumber(item: "power.output-voltage", given: "high")) {
            try Self.voltage.result(for: .word("high"))
        }
        #expect(throws: AnswerError.notANumber(item: "power.output-voltage", given: "inf")) {
            try Self.voltage.result(for: .number(.infinity))
        }
        #expect(
            throws: AnswerError.notAChoice(item: "antenna.feed", given: "elliptic", choices: ["linear", "circular"])
        ) {
            try Self.polarisation.result(for: .word("elliptic"))
        }
        #expect(throws: AnswerError.notForKind(item: "power.drive", answer: "12", kind: "check")) {
            try Self.drive.result(for: .number(12))
        }
        #expect(throws: AnswerError.textRequired(item: "power.serial")) {
            try Self.serial.result(for: .pass)
        }
    }

    @Test(arguments: [
        ("p", Answer.pass), ("PASS", .pass), ("f", .fail), ("na", .notApplicable), ("N/A", .notApplicable),
        ("s", .skip), (" 220.5 ", .number(220.5)), ("-3", .number(-3)), ("abc", .word("abc")),
    ])
    func parsesWhatAnEngineerTypesForAMeasure(_ typed: String, _ answer: Answer) {
        #expect(Answer(parsing: typed, for: Self.voltage) == answer)
    }

    static let loss = ChecklistItem.make(
        "feed-loss", subsystem: .antenna, kind: .measure(unit: "dB", limits: Limits(max: 0.5)))
    static let stow = ChecklistItem.make(
        "stow-time", subsystem: .antenna, kind: .measure(unit: "s", limits: Limits(max: 120)))

    @Test(arguments: [
        ("0.3", 0.3), ("0,3", 0.3), (" 0.3 ", 0.3), ("0.3 dB", 0.3), ("0.3dB", 0.3), ("0.3 db", 0.3),
        ("0.3 DB", 0.3), ("０．３", 0.3), ("０，３", 0.3), ("0。3", 0.3), ("０．３ｄＢ", 0.3), ("\u{3000}0.3\u{3000}", 0.3),
        (".5", 0.5), ("-1,25 dB", -1.25), ("\u{2212}2", -2), ("+4", 4), ("1e-7", 1e-7), ("2E3 dB", 2000),
    ])
    func readsAMeasureAsEngineersTypeIt(_ typed: String, _ value: Double) {
        #expect(Answer(parsing: typed, for: Self.loss) == .number(value))
    }

    @Test(arguments: ["95 s", "95s", "95S", "９５ｓ", "９５ ｓ", "95\t s", "95"])
    func readsAValueWithTheItemsUnitWithOrWithoutASpace(_ typed: String) {
        #expect(Answer(parsing: typed, for: Self.stow) == .number(95))
    }

    static let insulation = ChecklistItem.make(
        "insulation", subsystem: .power, kind: .measure(unit: "MΩ", limits: Limits(min: 1.0)))

    @Test func aMilliForAMegaIsRefusedWhileOtherCaseSlipsAreRead() {
        // 5 mΩ is a short circuit; read as 5 MΩ it would pass the insulation test.
        #expect(Answer(parsing: "5 mΩ", for: Self.insulation) == .word("5 mΩ"))
        #expect(throws: AnswerError.wrongUnit(item: "power.insulation", given: "5 mΩ", unit: "MΩ")) {
            try Self.insulation.result(for: Answer(parsing: "5 mΩ", for: Self.insulation))
        }
        #expect(Answer(parsing: "5 MΩ", for: Self.insulation) == .number(5))
        #expect(Answer(parsing: "5 mω", for: Self.insulation) == .word("5 mω"))
        #expect(MeasuredValue("7 PW")?.isIn("pW") == false)
        #expect(MeasuredValue("220v")?.isIn("V") == true)
        #expect(MeasuredValue("50HZ")?.isIn("Hz") == true)
    }

    @Test(arguments: [
        ("95 ms", "95 ms", "s"), ("95min", "95min", "s"), ("０．３ ｍｓ", "０．３ ｍｓ", "s"), ("3e", "3e", "s"),
    ])
    func aValueInAnotherUnitIsRefusedNamingTheUnit(_ typed: String, _ given: String, _ unit: String) {
        let answer = Answer(parsing: typed, for: Self.stow)
        #expect(answer == .word(given))
        #expect(throws: AnswerError.wrongUnit(item: "antenna.stow-time", given: given, unit: unit)) {
            try Self.stow.result(for: answer)
        }
        let english = AnswerError.wrongUnit(item: "antenna.stow-time", given: given, unit: unit).description
        #expect(english == "antenna.stow-time: `\(given)` is not in s; enter the value in s")
    }

    @Test(arguments: [
        "nan", "NaN", "inf", "-inf", "infinity", "1e999", "-1e400 dB", "0x10", "0x1p3", "1,234.5", "1.2.3", "1..2",
        "12 3", "3 dB 4", ".", ",", "-", "e5", "dB", "0.3dB5", "- 3", "abc", "",
    ])
    func neverReadsGarbageOrAnInfiniteValueAsANumber(_ typed: String) {
        let answer = Answer(parsing: typed, for: Self.loss)
        #expect(answer == .word(typed.trimmingCharacters(in: .whitespaces)))
        #expect(throws: AnswerError.notANumber(item: "antenna.feed-loss", given: typed)) {
            try Self.loss.result(for: answer)
        }
    }

    @Test(arguments: [
        ("合格", Answer.pass), ("不合格", .fail), ("不适用", .notApplicable), ("跳过", .skip), ("ｐ", .pass),
        ("ＮＡ", .notApplicable), ("Skip", .skip), (" 不合格 ", .fail),
    ])
    func takesTheStatusWordsInEitherLanguage(_ typed: String, _ answer: Answer) {
        #expect(Answer(parsing: typed, for: Self.drive) == answer)
        #expect(Answer(parsing: typed, for: Self.loss) == answer)
    }

    @Test func aChoiceNamedLikeAKeywordIsAChoice() {
        let item = ChecklistItem.make(kind: .choice(choices: ["p", "q"], passing: ["p"]))
        #expect(Answer(parsing: "p", for: item) == .word("p"))
        #expect(Answer(parsing: "f", for: item) == .fail)
    }

    static let everyError: [AnswerError] = [
        .noteRequired(item: "power.drive", status: .na), .numberRequired(item: "power.output-voltage", unit: "V"),
        .notANumber(item: "power.output-voltage", given: "high"),
        .notAChoice(item: "antenna.feed", given: "elliptic", choices: ["linear", "circular"]),
        .textRequired(item: "power.serial"), .notForKind(item: "power.drive", answer: "12", kind: "check"),
    ]

    @Test(arguments: everyError)
    func anErrorSpeaksTheReadersLanguageAndNamesTheItem(_ error: AnswerError) {
        let chinese = error.message(Messages(.zh))
        let english = error.message(Messages(.en))
        #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(chinese)")
        #expect(!english.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(english)")
        #expect(error.description == english)
        #expect(error.message(Messages(.both)) == "\(chinese) / \(english)")
        let item = String(english.prefix { $0 != ":" })
        #expect(chinese.hasPrefix(item + "："))
    }

    @Test func anErrorInChineseSaysWhatToEnter() {
        let zh = Messages(.zh)
        #expect(
            AnswerError.noteRequired(item: "power.drive", status: .fail).message(zh) == "power.drive：“不合格”需要填写备注说明原因")
        #expect(
            AnswerError.notForKind(item: "power.drive", answer: "12", kind: "check").message(zh)
                == "power.drive：“12”不能作为检查项的答案")
        #expect(
            AnswerError.notForKind(item: "power.drive", answer: "12", kind: "check").description
                == "power.drive: `12` is not an answer for a check item")
    }
}
