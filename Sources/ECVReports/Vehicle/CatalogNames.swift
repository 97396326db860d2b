import ECVModel

/// The catalog's names in the reader's language: equipment tags, subsystems and items, falling back to the id
/// where the catalog has no name.
struct CatalogNames {
    let catalog: Catalog
    let labels: ReportLabels

    /// `VSAT 卫星站` for `vsat`.
    func tag(_ id: String) -> String {
        catalog.tag(withID: id).map { labels.text($0.name) } ?? id
    }

    /// `供电系统` for `.power`.
    func subsystem(_ subsystem: Subsystem) -> String {
        catalog.checklists.first { $0.subsystem == subsystem }.map { labels.text($0.title) } ?? subsystem.rawValue
    }

    /// The title of the item with the full id `itemID` among `items`.
    func item(_ itemID: String, in items: [ChecklistItem]) -> String {
        items.first { $0.fullID == itemID }.map { labels.text($0.title) } ?? itemID
    }
}
