import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// People who sign in: added with a bcrypt hash of a password that passes the rule, each name once.
@Suite(.needs(.postgresql))
struct HubUserTests {
    static let password = "long enough horse staple"
    /// A time PostgreSQL keeps as it is (it keeps microseconds).
    static let added = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aDispatcherIsStoredWithABcryptHashAndListed() async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            let added = try await database.addUser(
                "wang.fang", role: .dispatcher, clientID: nil, password: Self.password, at: Self.added)
            #expect(try await database.users() == [added])
            let hash = try await database.rows("SELECT password_hash FROM hub_user").first?.decode(String.self)
            #expect(hash?.hasPrefix("$2b$12$") == true)
            #expect(hash?.contains(Self.password) == false)
            #expect(try await database.user(named: "wang.fang", password: Self.password) == added)
            #expect(try await database.user(named: "wang.fang", password: Self.password + "x") == nil)
            #expect(try await database.user(named: "nobody", password: Self.password) == nil)
        }
    }

    @Test func aTakenNameIsRefusedAndTheFirstPasswordStays() async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            _ = try await database.addUser(
                "wang.fang", role: .dispatcher, clientID: nil, password: Self.password, at: Date())
            await #expect(throws: HubUserError.nameTaken("wang.fang")) {
                try await database.addUser(
                    "wang.fang", role: .dispatcher, clientID: nil, password: "another long password", at: Date())
            }
            #expect(try await database.user(named: "wang.fang", password: Self.password) != nil)
        }
    }

    @Test(arguments: [
        ("", PasswordRule.Problem.empty), ("short pass", .tooShort(10)), ("aaaaaaaaaaaaaaaa", .oneCharacter),
        ("my name is Wang.Fang!", .containsName), (String(repeating: "水", count: 25), .tooLong(75)),
    ])
    func aWeakPasswordIsRefusedWithItsReason(password: String, problem: PasswordRule.Problem) async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            await #expect(throws: HubUserError.password(problem)) {
                try await database.addUser(
                    "wang.fang", role: .dispatcher, clientID: nil, password: password, at: Date())
            }
            #expect(try await database.users().isEmpty)
        }
    }

    @Test func aClientUserNeedsAClientTheOfficeKnowsAndADispatcherNone() async throws {
        try await HubTestDatabase.with { database in
            try await database.migrate()
            await #expect(throws: HubUserError.clientNeeded) {
                try await database.addUser("ops", role: .client, clientID: nil, password: Self.password, at: Date())
            }
            await #expect(throws: HubUserError.clientNotForDispatcher) {
                try await database.addUser(
                    "ops", role: .dispatcher, clientID: "cnpc", password: Self.password, at: Date())
            }
            await #expect(throws: HubUserError.unknownClient("cnpc", known: [])) {
                try await database.addUser("ops", role: .client, clientID: "cnpc", password: Self.password, at: Date())
            }
        }
    }

    @Test func anUnknownRoleNamesTheRoles() {
        #expect(throws: HubUserError.unknownRole("admin")) { try HubRole.named("admin") }
        #expect(
            HubUserError.unknownRole("admin").description == "unknown role `admin`; the roles are dispatcher and client"
        )
    }
}
