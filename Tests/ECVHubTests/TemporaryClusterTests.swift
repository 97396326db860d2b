import ECVHub
import ECVTestSupport
import Foundation
import PostgresNIO
import Testing

@Suite(.needs(.postgresql))
struct TemporaryClusterTests {
    @Test func aTemporaryClusterServesItsDatabaseOnLoopbackAndLeavesNothingWhenStopped() async throws {
        let cluster = try TemporaryCluster(database: "tour_2027")
        #expect(cluster.url == "postgres://ecv@127.0.0.1:\(cluster.port)/tour_2027")
        let database = try HubDatabase(cluster.url)
        let name = try await database.currentDatabaseName()
        #expect(name == "tour_2027")
        await database.close()
        #expect(FileManager.default.fileExists(atPath: cluster.folder.path))
        cluster.stop()
        #expect(!FileManager.default.fileExists(atPath: cluster.folder.path))
        let after = try HubDatabase(cluster.url)
        await #expect(throws: HubError.self) { try await after.currentDatabaseName() }
        await after.close()
    }

    @Test func aDatabaseURLNamesUserHostPortAndDatabase() throws {
        let url = try DatabaseURL("postgres://hub:s%40cret@db.office.example:6543/ecv?sslmode=require")
        #expect(url.user == "hub")
        #expect(url.password == "s@cret")
        #expect(url.host == "db.office.example")
        #expect(url.port == 6543)
        #expect(url.database == "ecv")
        #expect(url.tls == .require)
        #expect(url.description == "postgres://hub@db.office.example:6543/ecv")
        #expect(try DatabaseURL("postgres://ecv@127.0.0.1/hub").tls == .disable)
        #expect(try DatabaseURL("postgresql://ecv@10.1.1.1/hub").tls == .prefer)
    }

    @Test(arguments: [
        ("http://ecv@127.0.0.1/hub", "expected postgres://"),
        ("postgres://127.0.0.1/hub", "it names no user"),
        ("postgres://ecv@127.0.0.1/", "it names no database"),
        ("postgres://ecv@127.0.0.1/hub?sslmode=sometimes", "only `sslmode"),
    ])
    func aDatabaseURLThatIsNotOneSaysWhy(text: String, reason: String) {
        #expect {
            try DatabaseURL(text)
        } throws: { error in
            "\(error)".contains(reason) && "\(error)".hasPrefix("--database `\(text)`")
        }
    }
}
