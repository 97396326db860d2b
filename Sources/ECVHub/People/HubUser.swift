import Foundation

/// A person who signs in to the hub's pages.
public struct HubUser: Sendable, Equatable {
    /// What they type to sign in: 1 to 64 letters, digits, `.`, `_`, `-` or `@`.
    public var name: String
    /// What they may see.
    public var role: HubRole
    /// The client organisation whose vehicles a client sees; `nil` for a dispatcher.
    public var clientID: String?
    /// When `ecv hub users add` added them.
    public var createdAt: Date

    /// Public so that tests and the command line can build one.
    public init(name: String, role: HubRole, clientID: String?, createdAt: Date) {
        self.name = name
        self.role = role
        self.clientID = clientID
        self.createdAt = createdAt
    }

    /// Whether `name` may be a user's name.
    static func isValidName(_ name: String) -> Bool {
        name.range(of: #"^[A-Za-z0-9._@-]{1,64}$"#, options: .regularExpression) != nil
    }
}

/// Why a user was not added, in one line.
public enum HubUserError: Error, Equatable, CustomStringConvertible {
    case badName(String)
    case unknownRole(String)
    /// A client user needs the client organisation it belongs to.
    case clientNeeded
    /// A dispatcher sees every client: a client organisation makes no sense for one.
    case clientNotForDispatcher
    case unknownClient(String, known: [String])
    case nameTaken(String)
    case password(PasswordRule.Problem)

    /// The problem in one line.
    public var description: String {
        switch self {
        case .badName(let name):
            return "user name `\(name.prefix(80))` must be 1 to 64 letters, digits, `.`, `_`, `-` or `@`"
        case .unknownRole(let role):
            return
                "unknown role `\(role.prefix(40))`; the roles are \(HubRole.allCases.map(\.rawValue).joined(separator: " and "))"
        case .clientNeeded: return "a client user needs --client CLIENT-ID: the organisation whose vehicles it sees"
        case .clientNotForDispatcher: return "a dispatcher sees every client; leave out --client"
        case .unknownClient(let id, let known):
            let list =
                known.isEmpty ? "the office has not pushed Routes/ yet" : "known: \(known.joined(separator: ", "))"
            return "unknown client `\(id.prefix(64))` (\(list))"
        case .nameTaken(let name): return "user `\(name)` exists already; choose another name"
        case .password(let problem): return problem.description
        }
    }
}
