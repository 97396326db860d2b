/// An organisation whose vehicles are inspected and who receives the reports.
public struct Client: Sendable, Hashable, Codable, Identifiable {
    /// The organisation's id, such as `hlj-fire`.
    public var id: String
    /// The organisation's name for people, in zh and en.
    public var name: LocalizedText
    /// What public service it provides.
    public var sector: Sector
    /// The language of the reports this client receives.
    public var language: Language
    /// Who receives the reports; sites may name their own contact.
    public var contact: Contact?

    /// The kind of public service a client provides.
    public enum Sector: String, Sendable, Hashable, Codable, CaseIterable {
        case fire
        case emergencyManagement = "emergency-management"
        case environment, meteorology, other
    }

    /// A client of these parts; reports in zh by default.
    public init(id: String, name: LocalizedText, sector: Sector, language: Language = .zh, contact: Contact? = nil) {
        self.id = id
        self.name = name
        self.sector = sector
        self.language = language
        self.contact = contact
    }
}
