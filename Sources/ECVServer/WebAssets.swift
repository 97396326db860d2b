import Foundation

/// Files the pages load, read once from the module's resources.
enum WebAssets {
    /// The answer forms' script; a page without it still works with plain posts.
    static let formScript: String = {
        guard let url = Bundle.module.url(forResource: "form", withExtension: "js", subdirectory: "Assets"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()
}
