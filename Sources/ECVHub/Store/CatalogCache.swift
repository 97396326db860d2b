import ECVModel
import Foundation

/// The catalog of one pushed version of Routes/ and Checklists/, read once: every push is checked against the latest
/// catalog, and reading a nationwide catalog's YAML takes a quarter of a second, far longer than storing a bundle.
///
/// Versions are numbered by `catalog_version.seq` and never change once pushed, so a version's catalog stays true.
final class CatalogCache: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: (version: Int64, catalog: Catalog)?

    /// The catalog of `version` when it is the one read last.
    func catalog(ofVersion version: Int64) -> Catalog? {
        lock.withLock { latest?.version == version ? latest?.catalog : nil }
    }

    /// Keeps `catalog` as the catalog of `version`, unless a later version is kept already.
    func keep(_ catalog: Catalog, ofVersion version: Int64) {
        lock.withLock {
            if (latest?.version ?? .min) <= version { latest = (version, catalog) }
        }
    }
}
