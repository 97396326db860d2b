import ECVHub
import Foundation
import Testing

/// One throwaway cluster for the test process, with a new empty database for each test.
enum HubTestDatabase {
    /// The cluster, started on first use and stopped when the test process exits.
    static let cluster: Result<TemporaryCluster, ClusterError> = {
        let result = Result { () throws(ClusterError) in try TemporaryCluster(database: "ecv_tests") }
        if case .success = result {
            atexit { if case .success(let cluster) = HubTestDatabase.cluster { cluster.stop() } }
        }
        return result
    }()

    /// A new, empty database of the shared cluster.
    static func url() throws -> String {
        try cluster.get().createDatabase(
            "test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))")
    }

    /// Runs `body` on a new, empty database and closes it afterwards.
    static func with(_ body: (HubDatabase) async throws -> Void) async throws {
        let database = try HubDatabase(url())
        do {
            try await body(database)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }
}
