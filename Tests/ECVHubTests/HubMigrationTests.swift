import Crypto
import ECVTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ECVHub

@Suite(.needs(.postgresql))
struct HubMigrationTests {
    @Test func anEmptyDatabaseGetsEveryMigrationAndASecondRunChangesNothing() async throws {
        try await HubTestDatabase.with { database in
            #expect(try await database.appliedMigrations() == [])
            let all = Array(1...HubDatabase.schemaVersion)
            #expect(try await database.migrate() == all)
            let tables = try await database.tableNames()
            #expect(try await database.migrate() == [])
            #expect(try await database.appliedMigrations() == all)
            #expect(try await database.tableNames() == tables)
            for table in [
                "enrolled_key", "receipt", "inspection", "result", "audit", "photo", "published_plan",
                "catalog_file", "catalog_version", "hub_user", "hub_session", "seen_request",
            ] {
                #expect(tables.contains(table), "missing table \(table)")
            }
        }
    }

    @Test(arguments: 1..<HubDatabase.schemaVersion)
    func aDatabaseAtAnEarlierMigrationIsBroughtUpToDate(earlier: Int) async throws {
        try await HubTestDatabase.with { database in
            let first = try await database.migrate(through: earlier)
            let rest = try await database.migrate()
            let applied = try await database.appliedMigrations()
            #expect(first == Array(1...earlier))
            #expect(rest == Array(earlier + 1...HubDatabase.schemaVersion))
            #expect(applied == Array(1...HubDatabase.schemaVersion))
        }
    }

    @Test func twoHubsMigratingOneDatabaseAtOnceApplyEachMigrationOnce() async throws {
        let url = try HubTestDatabase.url()
        let first = try HubDatabase(url)
        let second = try HubDatabase(url)
        async let one = first.migrate()
        async let two = second.migrate()
        let applied = try await one + two
        #expect(applied.sorted() == Array(1...HubDatabase.schemaVersion))
        await first.close()
        await second.close()
    }

    @Test func theAuditTrailRefusesChangesAndDeletions() async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            try await database.execute(
                """
                INSERT INTO audit (id, at, who, laptop, entity, entity_id, new)
                VALUES (gen_random_uuid(), now(), 'Zhang Wei', 'laptop-1', 'result', 'r1', '{}')
                """)
            for statement in ["UPDATE audit SET who = 'someone else'", "DELETE FROM audit", "TRUNCATE audit"] {
                await #expect {
                    try await database.execute(statement)
                } throws: { error in
                    "\(error)".contains("the audit table is append-only")
                }
            }
            #expect(try await database.count("SELECT count(*) FROM audit WHERE who = 'Zhang Wei'") == 1)
        }
    }

    @Test func theOfficeKeyIsSetOnceAndAnotherIsRefused() async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            #expect(try await database.officeKey() == nil)
            let office = Curve25519.Signing.PrivateKey().publicKey
            try await database.setOfficeKey(office)
            try await database.setOfficeKey(office)
            #expect(try await database.officeKey()?.rawRepresentation == office.rawRepresentation)
            await #expect(throws: HubError.self) {
                try await database.setOfficeKey(Curve25519.Signing.PrivateKey().publicKey)
            }
            #expect(try await database.officeKey()?.rawRepresentation == office.rawRepresentation)
        }
    }

    @Test func aQueryForOneClientSeesOnlyThatClientsRows() async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            for (vehicle, client) in [("HLJ-FIRE-01", "hlj-fire"), ("SC-EM-01", "sc-em"), ("HLJ-FIRE-02", "hlj-fire")] {
                try await database.execute(
                    """
                    INSERT INTO inspection (id, vehicle_id, client_id, site_id, route_id, equipment, team_id, engineer,
                        laptop, started_at, kind, checklists, receipt)
                    VALUES (gen_random_uuid(), '\(vehicle)', '\(client)', 's', 'r', '', 't', 'e', 'l', now(), 'full',
                        '', 1)
                    """)
            }
            let seen = try await database.vehicleIDsInspected(forClient: "hlj-fire")
            #expect(seen == ["HLJ-FIRE-01", "HLJ-FIRE-02"])
            #expect(try await database.vehicleIDsInspected(forClient: "nobody") == [])
            #expect(try await database.count("SELECT count(*) FROM inspection") == 3)
        }
    }
}

extension HubDatabase {
    func execute(_ sql: String) async throws {
        _ = try await transaction { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            return true
        }
    }

    func count(_ sql: String) async throws -> Int {
        try await transaction { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect().first?
                .decode(Int.self) ?? -1
        }
    }

    func tableNames() async throws -> [String] {
        try await transaction { connection in
            try await connection.query(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", logger: logger
            ).collect().map { try $0.decode(String.self) }
        }
    }
}
