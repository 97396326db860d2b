import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// The one message catalogue: every key in both languages, alike in their placeholders, and every key the
/// sources ask for present.
@Suite struct MessageCatalogueTests {
    @Test func everyKeyHasBothLanguages() {
        for (key, entry) in Messages.catalogue {
            #expect(!entry.zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) has no Chinese")
            #expect(!entry.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) has no English")
        }
    }

    @Test func theChineseTextIsChinese() {
        // An English text copied into the Chinese column is the usual way a translation goes missing.
        for (key, entry) in Messages.catalogue where !Self.sameInBothLanguages.contains(key) {
            #expect(entry.zh.unicodeScalars.contains(where: Self.isHan), "\(key): `\(entry.zh)` is not Chinese")
        }
    }

    @Test func bothLanguagesUseTheSamePlaceholders() {
        for (key, entry) in Messages.catalogue {
            #expect(
                Messages.placeholders(in: entry.zh) == Messages.placeholders(in: entry.en),
                "\(key): `\(entry.zh)` and `\(entry.en)` take different arguments")
        }
    }

    @Test func noKeyIsGivenTwice() {
        var seen: [String: String] = [:]
        for part in Messages.parts {
            for (key, _) in part.entries {
                #expect(seen[key] == nil, "\(key) is in \(seen[key] ?? "") and in \(part.name)")
                seen[key] = part.name
            }
        }
    }

    @Test func everyKeyTheSourcesAskForIsInTheCatalogue() throws {
        let used = try Self.keysUsedInSources()
        #expect(!used.isEmpty, "the scan found no keys: it is not looking in the right place")
        for (key, place) in used.sorted(by: { $0.key < $1.key }) {
            #expect(Messages.catalogue[key] != nil, "\(place) asks for `\(key)`, which the catalogue lacks")
        }
    }

    @Test func everyVerdictStatusSeverityAndWeekdayHasItsWord() {
        let messages = Messages(.zh)
        let words =
            Readiness.allCases.map(messages.readiness) + ItemResult.Status.allCases.map(messages.status)
            + Severity.allCases.map(messages.severity) + Weekday.allCases.map(messages.weekday)
        for word in words {
            #expect(word.unicodeScalars.contains(where: Self.isHan), "`\(word)` is not in the catalogue")
        }
    }

    @Test func argumentsFillTheirPlacesAndAreNotReadAgain() {
        #expect(Messages.fill("{2} → {1}", ["a", "{2}"]) == "{2} → a")
        #expect(Messages.fill("{1} km, {3}", ["5"]) == "5 km, {3}")
        #expect(Messages(.both)("unit.km", "12.5") == "12.5 公里 / 12.5 km")
        #expect(Messages(.zh)("no.such.key") == "no.such.key")
    }

    /// Keys whose Chinese may be without Han characters.
    static let sameInBothLanguages: Set<String> = []

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// `messages("key"…)` and `messages.text("key"…)` with a literal key, in every source file.
    static func keysUsedInSources() throws -> [String: String] {
        let sources = ProjectPaths.packageRoot.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"messages(?:\.text)?\(\s*"([A-Za-z0-9_.\-]+)""#)
        var used: [String: String] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard ["swift", "mustache"].contains(file.pathExtension) else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let keyRange = Range(match.range(at: 1), in: text) else { continue }
                used[String(text[keyRange])] = file.lastPathComponent
            }
        }
        return used
    }
}
