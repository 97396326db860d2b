/// A client's emergency communications vehicle, identified by its asset id or plate.
public struct Vehicle: Sendable, Hashable, Codable, Identifiable {
    /// The asset id or plate, unique over the whole tour.
    public var id: String
    /// The make and model as the client names it, for reports.
    public var model: String?
    /// Equipment tags such as `vsat`, `ku-band`, `generator`; they select checklist items and skills.
    public var equipment: [String]
    /// Whether the planner must serve it before normal vehicles.
    public var priority: Priority

    /// Whether the planner must serve this vehicle before normal ones.
    public enum Priority: String, Sendable, Hashable, Codable, CaseIterable {
        case high, normal
    }

    /// A vehicle with these parts.
    public init(id: String, model: String? = nil, equipment: [String], priority: Priority = .normal) {
        self.id = id
        self.model = model
        self.equipment = equipment
        self.priority = priority
    }

    /// The skills a team needs for this vehicle: its equipment tags that are skill names.
    public func requiredSkills(among skillNames: Set<String>) -> [String] {
        equipment.filter { skillNames.contains($0) }
    }
}
