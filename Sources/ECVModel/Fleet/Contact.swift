/// Whom to call: a person with phone and e-mail, every part optional.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}
