/// Whom to call: a person with phone and e-mail, every part optional.
public struct Contact: Sendable, Hashable, Codable {
    /// The person to ask for.
    public var name: String?
    /// A phone number as written in the file.
    public var phone: String?
    /// An e-mail address as written in the file.
    public var email: String?

    /// A contact with any of these parts.
    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}
