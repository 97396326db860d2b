/// What the `vehicle-report` template shows, in its terms; every text is escaped by the template.
///
/// A name the template reads is a stored property here, so a misspelt one is a compile error in the code
/// that fills it. Optional texts are nil rather than empty: an empty text would still open the template's
/// section.
struct VehicleReportView: Encodable {
    /// The vehicle's id and, when the catalog gives one, its model.
    struct VehicleName: Encodable {
        let id: String
        let model: String?
    }

    /// The verdict now: its code (the CSS class), its word and why.
    struct Verdict: Encodable {
        let code: String
        let label: String
        let explanation: String
    }

    /// A failed item on page 1, with the section it is detailed in and what to do.
    struct Finding: Encodable {
        let title: String
        let id: String
        let severity: String
        let `class`: String
        let anchor: String
        let sectionLabel: String
        let advice: String
        /// What was measured or said; nil when nothing was.
        let detail: String?
    }

    /// The previous season's verdict.
    struct PreviousVerdict: Encodable {
        let code: String
        let label: String
    }

    /// One subsystem's line in the overview table.
    struct SubsystemLine: Encodable {
        let title: String
        let verdict: String
        let `class`: String
        let failed: String
        let anchor: String
        let sectionLabel: String
    }

    /// One subsystem's section: its items and photos.
    struct Section: Encodable {
        let title: String
        let anchor: String
        let number: Int
        let items: [ItemRow]
        let hasPhotos: Bool
        let photos: [Photo]
    }

    /// A table row: a passed item compact on one line; a failed or untested one with its method and limits.
    struct ItemRow: Encodable {
        let title: String
        let id: String
        let severity: String
        let method: String
        let value: String
        let limits: String
        let status: String
        let result: String
        let note: String
        let compact: Bool
    }

    /// A photo inline as a data URL, with its item's name.
    struct Photo: Encodable {
        let src: String
        let caption: String
    }

    let vehicle: VehicleName
    let client: String
    let site: String
    let date: String
    let team: String
    let engineers: String
    let equipment: String
    let verdict: Verdict
    let findings: [Finding]
    let hasFindings: Bool
    let season: [VehicleSeason.Entry]
    let hasSeason: Bool
    /// Only a real verdict: nil leaves the previous season out.
    let previous: PreviousVerdict?
    let subsystems: [SubsystemLine]
    let sections: [Section]
    let recommendations: [String]
    let hasRecommendations: Bool
}
