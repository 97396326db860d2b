import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// Files that are not YAML our formats can use at all: each gives one located error, never a crash.
@Suite struct ReadingTests {
    static let power = "Checklists/power.yaml"

    func diagnostics(writing data: Data, to path: String = power) throws -> [String] {
        let fixture = try CatalogFixture()
        try fixture.folder.write(data, to: path)
        return fixture.diagnostics()
    }

    @Test func invalidUTF8IsLocatedAtTheBadByte() throws {
        // "电源" is two valid three-byte characters; the stray 0xFF after them is the 3rd column.
        var data = Data("subsystem: power\ntitle: Power\n电源".utf8)
        data.append(contentsOf: [0xFF, 0x0A])
        let found = try diagnostics(writing: data)
        #expect(found == ["Checklists/power.yaml:3:3: error: file is not valid UTF-8"])
    }

    @Test func deepNestingIsRefusedBeforeParsing() throws {
        let deep = "items: " + String(repeating: "[", count: 100_000) + "\n"
        #expect(
            try diagnostics(writing: Data(deep.utf8)) == [
                "Checklists/power.yaml:1:1: error: nesting deeper than 64 levels"
            ])
        let blocks = "items:\n" + String(repeating: "- ", count: 50_000) + "x\n"
        #expect(
            try diagnostics(writing: Data(blocks.utf8)) == [
                "Checklists/power.yaml:2:1: error: nesting deeper than 64 levels"
            ])
    }

    @Test func aByteOrderMarkInsideTheFileIsReportedWhereItStands() throws {
        let text = "subsystem: power\ntitle: Power\nversion: 1\u{FEFF}\n"
        #expect(
            try diagnostics(writing: Data(text.utf8)) == [
                "Checklists/power.yaml:3:11: error: a byte-order mark (U+FEFF) inside the file; remove it"
            ])
        // At the very start a byte-order mark is allowed: editors write one.
        let fixture = try CatalogFixture()
        let power = try fixture.folder.read(Self.power)
        try fixture.folder.write("\u{FEFF}" + power, to: Self.power)
        #expect(fixture.diagnostics().isEmpty)
    }

    @Test func anUnterminatedQuoteIsReportedOnTheLineWhereItStarts() throws {
        let text = "subsystem: power\ntitle: {zh: \"电源, en: Power}\nversion: 1\nitems: []\n"
        #expect(
            try diagnostics(writing: Data(text.utf8)) == [
                "Checklists/power.yaml:2:13: error: quoted text is not closed: the \" here has no closing \" on its line"
            ])
    }

    @Test func anEmptyFileIsReported() throws {
        #expect(try diagnostics(writing: Data()) == ["Checklists/power.yaml:1:1: error: file is empty"])
    }

    @Test func aRootThatIsNotAMappingIsReported() throws {
        #expect(
            try diagnostics(writing: Data("- power\n- antenna\n".utf8))
                == ["Checklists/power.yaml:1:1: error: expected a mapping for checklist, found a list"])
    }

    @Test func missingTeamsFileIsReported() throws {
        let fixture = try CatalogFixture()
        try FileManager.default.removeItem(at: fixture.folder.url.appendingPathComponent("Routes/teams.yaml"))
        #expect(fixture.diagnostics() == ["Routes/teams.yaml:1:1: error: file not found"])
    }

    @Test func missingChecklistFolderIsReported() throws {
        let fixture = try CatalogFixture()
        try FileManager.default.removeItem(at: fixture.folder.url.appendingPathComponent("Checklists"))
        let diagnostics = fixture.diagnostics()
        #expect(diagnostics.contains("Checklists:1:1: error: no checklist files (*.yaml)"))
        #expect(diagnostics.contains { $0.hasPrefix("Checklists:1:1: error: folder not found under ") })
    }

    @Test func aliasesAndAnchorsAreReadLikeTheirTargets() throws {
        let fixture = try CatalogFixture([
            .init("Routes/teams.yaml", "    base: {name: Nanjing base", "    base: &nanjing {name: Nanjing base"),
            .init(
                "Routes/teams.yaml", "    skills: []\n    base: {name: Nanjing base, lat: 32.0603, lon: 118.7969}",
                "    skills: []\n    base: *nanjing"),
        ])
        let load = fixture.load()
        #expect(load.diagnostics.isEmpty)
        #expect(load.catalog.teams.map(\.base.name.en) == ["Nanjing base", "Nanjing base"])
    }

    @Test func aBaseNameIsAPlainTextOrBilingual() throws {
        let fixture = try CatalogFixture([
            .init("Routes/teams.yaml", "    base: {name: Nanjing base", "    base: {name: {zh: 南京基地, en: Nanjing base}")
        ])
        let load = fixture.load()
        #expect(load.diagnostics.isEmpty)
        let names = load.catalog.teams.map(\.base.name)
        #expect(names.first == LocalizedText(zh: "南京基地", en: "Nanjing base"))
        #expect(names.dropFirst().allSatisfy { $0 == LocalizedText("Nanjing base") })
    }

    @Test func everyProblemOfAFileIsReportedNotJustTheFirst() throws {
        let fixture = try CatalogFixture([
            .init(Self.power, "    minutes: 15", "    minutes: lots"),
            .init(Self.power, "    severity: minor", "    severity: tiny"),
            .init(Self.power, "    unit: V", "    units: V"),
        ])
        #expect(fixture.load().errors.count == 4)
    }
}
