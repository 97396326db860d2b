import Foundation
import HummingbirdBcrypt
import PostgresNIO

extension HubDatabase {
    /// The bcrypt cost of new password hashes: 2^12 rounds, about a quarter of a second on a laptop core.
    static let bcryptCost: UInt8 = 12

    /// Adds a person who signs in, with a bcrypt hash of `password`; refused with a one-line reason.
    ///
    /// A client user's organisation must be one of the clients in the office's latest Routes/.
    public func addUser(_ name: String, role: HubRole, clientID: String?, password: String, at now: Date)
        async throws -> HubUser
    {
        guard HubUser.isValidName(name) else { throw HubUserError.badName(name) }
        switch (role, clientID) {
        case (.client, nil): throw HubUserError.clientNeeded
        case (.dispatcher, .some): throw HubUserError.clientNotForDispatcher
        case (.client, .some(let id)):
            let known = try await currentCatalog()?.clients.map(\.id) ?? []
            guard known.contains(id) else { throw HubUserError.unknownClient(id, known: known) }
        case (.dispatcher, nil): break
        }
        if let problem = PasswordRule.problem(with: password, forUser: name) { throw HubUserError.password(problem) }
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        let inserted = try await rows(
            """
            INSERT INTO hub_user (name, password_hash, role, client_id, created_at)
            VALUES (\(name), \(hash), \(role.rawValue), \(clientID), \(now))
            ON CONFLICT (name) DO NOTHING RETURNING name
            """)
        guard !inserted.isEmpty else { throw HubUserError.nameTaken(name) }
        return HubUser(name: name, role: role, clientID: clientID, createdAt: now)
    }

    /// Every person who signs in, by name.
    public func users() async throws(HubError) -> [HubUser] {
        var users: [HubUser] = []
        for row in try await rows("SELECT name, role, client_id, created_at FROM hub_user ORDER BY name") {
            users.append(try Self.user(row))
        }
        return users
    }

    /// The user `name` when `password` is theirs; `nil` for an unknown name or a wrong password alike.
    ///
    /// An unknown name is checked against a fixed hash too, so the time taken does not tell which was wrong.
    func user(named name: String, password: String) async throws(HubError) -> HubUser? {
        let found = try await rows(
            "SELECT name, role, client_id, created_at, password_hash FROM hub_user WHERE name = \(name)"
        ).first
        guard let found else {
            _ = Bcrypt.verify(password, hash: Self.unknownUserHash)
            return nil
        }
        let hash: String
        do {
            hash = try found.decode((String, String, String?, Date, String).self).4
        } catch {
            throw HubError.database(error, at: url)
        }
        guard Bcrypt.verify(password, hash: hash) else { return nil }
        return try Self.user(found)
    }

    /// A hash no password is known to match, checked when the name is unknown.
    private static let unknownUserHash = Bcrypt.hash(UUID().uuidString, cost: bcryptCost)

    /// The user of a row that starts with name, role, client_id, created_at.
    static func user(_ row: PostgresRow) throws(HubError) -> HubUser {
        let columns = row.makeRandomAccess()
        do {
            let name = try columns[0].decode(String.self)
            let role = try columns[1].decode(String.self)
            return HubUser(
                name: name, role: HubRole(rawValue: role) ?? .client, clientID: try columns[2].decode(String?.self),
                createdAt: try columns[3].decode(Date.self))
        } catch {
            throw HubError.database("user row: \(error)")
        }
    }
}
