import ECVCatalog

/// The closest id to a mistyped one, as `ecv validate` suggests them.
func closest(to word: String, among candidates: [String]) -> String? {
    CatalogLoader.suggestion(for: word, among: candidates)
}
