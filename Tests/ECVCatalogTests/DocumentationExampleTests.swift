import ECVCatalog
import ECVTestSupport
import Foundation
import Testing

/// The worked example of the module's documentation (`ECVCatalog.docc/ECVCatalog.md`), run as written there.
@Suite struct DocumentationExampleTests {
    @Test func aMisspeltSeverityIsNamedWithItsPlaceAndTheWordMeant() throws {
        let load = CatalogLoader.load(root: ProjectPaths.sampleCatalog)
        #expect(load.errors == [])
        #expect(load.catalog.fleet().count == 74)

        let files = try FuzzTests.sampleFiles().map { file in
            guard file.path == "Checklists/power.yaml" else { return file }
            let text = String(decoding: file.data, as: UTF8.self)
            return (
                file.path,
                Data(text.replacing("severity: critical", with: "severity: critcal", maxReplacements: 1).utf8)
            )
        }
        let broken = CatalogLoader.load(files: files)
        #expect(
            broken.errors.map(\.description) == [
                "Checklists/power.yaml:11:15: error: unknown severity `critcal`; "
                    + "did you mean `critical`? (allowed: critical, major, minor)"
            ])
    }
}
