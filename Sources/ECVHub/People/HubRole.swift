/// What a person who signs in to the hub may see: the dispatcher sees every vehicle; a client sees its own.
public enum HubRole: String, Sendable, Equatable, CaseIterable, Codable {
    case dispatcher
    case client

    /// The role named `text`, or a one-line reason naming the roles there are.
    public static func named(_ text: String) throws(HubUserError) -> HubRole {
        guard let role = HubRole(rawValue: text) else { throw .unknownRole(text) }
        return role
    }
}
