import ECVCatalog
import ECVTestSupport
import Foundation
import Testing

/// The equipment tag vocabulary of `Routes/tags.yaml`: every tag in use is in it, a typo is an error with its
/// place and a suggestion, and each tag has its names for the reports.
@Suite struct TagVocabularyTests {
    /// The sample's files with `old` replaced by `new` in the file at `path`.
    static func sample(editing path: String, _ old: String, _ new: String) throws -> [(path: String, data: Data)] {
        try FuzzTests.sampleFiles().map { file in
            guard file.path == path else { return file }
            let text = String(decoding: file.data, as: UTF8.self)
            #expect(text.contains(old), "\(old) in \(path)")
            return (file.path, Data(text.replacingOccurrences(of: old, with: new).utf8))
        }
    }

    @Test func theSampleNamesEveryTagItUsesInBothLanguages() throws {
        let load = CatalogLoader.load(files: try FuzzTests.sampleFiles())
        let used = Set(load.catalog.placements.flatMap(\.vehicle.equipment))
        #expect(used.isSubset(of: Set(load.catalog.tags.map(\.id))))
        let generator = try #require(load.catalog.tag(withID: "generator"))
        #expect(generator.name.text(in: .zh) == "发电机")
        #expect(generator.name.text(in: .en) == "Generator")
    }

    @Test func aMisspeltEquipmentTagIsAnErrorWithADidYouMean() throws {
        let files = try Self.sample(
            editing: "Routes/northeast.yaml", "equipment: [vsat, ku-band, ups, cellular, tiantong, encoder]",
            "equipment: [vsat, ku-band, upss, cellular, tiantong, encoder]")
        let errors = CatalogLoader.load(files: files).errors.map(\.description)
        #expect(
            errors.contains(
                "Routes/northeast.yaml:177:36: error: equipment tag `upss` of vehicle `HLJ-FIRE-03` is not in "
                    + "Routes/tags.yaml; did you mean `ups`?"), "\(errors)")
    }

    @Test func aMisspeltAppliesToTagIsAnErrorWithADidYouMean() throws {
        let files = try Self.sample(
            editing: "Checklists/power.yaml", "applies-to: [generator]", "applies-to: [generater]")
        let errors = CatalogLoader.load(files: files).errors.map(\.description)
        #expect(
            errors.contains {
                $0.hasPrefix("Checklists/power.yaml:")
                    && $0.hasSuffix(
                        ": error: applies-to tag `generater` of item `power.generator-start` is not in Routes/tags.yaml; did you mean `generator`?"
                    )
            }, "\(errors)")
    }
}
