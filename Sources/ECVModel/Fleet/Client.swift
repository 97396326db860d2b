/// An organisation whose vehicles are inspected and who receives the reports.
public struct Client: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var sector: Sector
    /// The language of the reports this client receives.
    public var language: Language
    public var contact: Contact?

    /// The kind of public service a client provides.
    public enum Sector: String, Sendable, Hashable, Codable, CaseIterable {
        case fire
        case emergencyManagement = "emergency-management"
        case environment, meteorology, other
    }

    public init(id: String, name: LocalizedText, sector: Sector, language: Language = .zh, contact: Contact? = nil) {
        self.id = id
        self.name = name
        self.sector = sector
        self.language = language
        self.contact = contact
    }
}
