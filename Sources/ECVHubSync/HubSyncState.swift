import ECVSync
import Foundation

/// Where the last pull from each hub ended and which plan version was last sent to it, kept beside the database.
struct HubSyncState: Codable {
    /// Per hub address, the `since` of the next pull.
    var cursors: [String: Int64] = [:]
    /// Per hub address, the published plan's version last pushed: the same version is not sent again.
    var sentPlan: [String: Int] = [:]

    /// The state in `path`; a new one when there is no file yet.
    static func read(from path: String) throws(HubSyncError) -> HubSyncState {
        guard let data = FileManager.default.contents(atPath: path) else { return HubSyncState() }
        do {
            return try JSONDecoder().decode(HubSyncState.self, from: data)
        } catch {
            throw .badFile("\(path): not the sync state ecv writes (\(error)); remove it to pull again")
        }
    }

    /// Replaces `path` with this state, durably: a cursor said is a cursor kept.
    func write(to path: String) throws(HubSyncError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try DurableFile.replace(path, with: try encoder.encode(self))
        } catch {
            throw .badFile("\(path): \(error)")
        }
    }
}
