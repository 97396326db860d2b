import ECVModel
import Foundation

/// The catalog of one pushed version of Routes/ and Checklists/, read once: every push is checked against the latest
/// catalog, and reading a nationwide catalog's YAML takes a quarter of a second, far longer than storing a bundle.
///
/// Versions are numbered by `catalog_version.seq` and never change once pushed, so a version's catalog stays true.
/// Pushes that arrive together while a version is being read wait for that one reading rather than each reading
/// it again (fifty laptops starting their day would otherwise read it fifty times at once).
final class CatalogCache: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: (version: Int64, reading: Task<Catalog?, any Error>)?

    /// The catalog of `version`, read by `read` unless it is read already or being read.
    ///
    /// A reading that fails is forgotten, so that the next push tries again.
    func catalog(ofVersion version: Int64, read: @escaping @Sendable () async throws -> Catalog?) async throws
        -> Catalog?
    {
        let reading = lock.withLock { () -> Task<Catalog?, any Error>? in
            if let latest, latest.version == version { return latest.reading }
            // A later version kept already stays: this caller read an older number and reads that one alone.
            if let latest, latest.version > version { return nil }
            let reading = Task { try await read() }
            latest = (version, reading)
            return reading
        }
        guard let reading else { return try await read() }
        do {
            return try await reading.value
        } catch {
            lock.withLock {
                if let latest, latest.version == version { self.latest = nil }
            }
            throw error
        }
    }
}
