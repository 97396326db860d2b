import ECVModel
import Yams

/// Reads `Routes/teams.yaml`, `Routes/clients.yaml` and the equipment tag vocabulary `Routes/tags.yaml`.
enum PeopleDecoder {
    static let tagKeys = ["id", "name"]

    /// `tags: [{id: vsat, name: {zh: …, en: …}}, …]`.
    static func decodeTags(_ root: Node, file: String, sink: DiagnosticSink, map: inout SourceMap) -> [EquipmentTag] {
        list(named: "tags", in: root, file: file, sink: sink).compactMap { field in
            guard let (id, tag) = entity(field, kind: "tag", key: SourceMap.Key.tag, keys: tagKeys, map: &map)
            else { return nil }
            let name = tag.required("name")?.localized()
            guard let id, let name else { return nil }
            return EquipmentTag(id: id, name: name)
        }
    }

    static let teamKeys = [
        "id", "name", "members", "skills", "base", "unavailable", "cost", "max-workdays", "notice-days",
    ]
    static let clientKeys = ["id", "name", "sector", "language", "contact"]

    static func decodeTeams(_ root: Node, file: String, sink: DiagnosticSink, map: inout SourceMap) -> [Team] {
        list(named: "teams", in: root, file: file, sink: sink).compactMap { field in
            guard let (id, team) = entity(field, kind: "team", key: SourceMap.Key.team, keys: teamKeys, map: &map)
            else { return nil }
            let name = team.required("name")?.localized()
            let members = team.optional("members")?.strings() ?? []
            let skills = team.required("skills")?.strings()
            let base = team.required("base").flatMap(decodeBase)
            let unavailable = team.optional("unavailable")?.days() ?? []
            let cost = team.optional("cost").flatMap(decodeCost)
            let maxWorkdays = team.optional("max-workdays")?.int(in: 1...366)
            let noticeDays = team.optional("notice-days")?.int(in: 0...60)
            guard let id, let name, let skills, let base else { return nil }
            var decoded = Team(
                id: id, name: name, members: members, skills: skills, base: base, unavailable: unavailable,
                cost: cost, maxWorkdays: maxWorkdays)
            decoded.noticeDays = noticeDays
            return decoded
        }
    }

    static func decodeClients(_ root: Node, file: String, sink: DiagnosticSink, map: inout SourceMap) -> [Client] {
        list(named: "clients", in: root, file: file, sink: sink).compactMap { field in
            guard
                let (id, client) = entity(
                    field, kind: "client", key: SourceMap.Key.client, keys: clientKeys, map: &map)
            else { return nil }
            let name = client.required("name")?.localized()
            let sector = client.required("sector")?.oneOf(Client.Sector.self)
            let language = client.optional("language")?.oneOf(Language.self)
            let contact = client.optional("contact").flatMap(decodeContact)
            guard let id, let name, let sector else { return nil }
            return Client(id: id, name: name, sector: sector, language: language ?? .zh, contact: contact)
        }
    }

    /// `{name, phone, email}`, each optional.
    static func decodeContact(_ field: Field) -> Contact? {
        guard let reader = field.mapping(what: "`contact`") else { return nil }
        reader.rejectUnknownKeys(["name", "phone", "email"])
        return Contact(
            name: reader.optional("name")?.string(), phone: reader.optional("phone")?.string(),
            email: reader.optional("email")?.string())
    }

    /// A latitude in degrees, -90…90.
    static func latitude(_ reader: MappingReader) -> Double? {
        reader.required("lat")?.double(in: -90...90)
    }

    /// A longitude in degrees, -180…180.
    static func longitude(_ reader: MappingReader) -> Double? {
        reader.required("lon")?.double(in: -180...180)
    }

    /// `{per-km: 1.5, per-day: 2000, per-night-away: 0, per-moved-visit: 1000}`, any key optional.
    static func decodeCost(_ field: Field) -> CostRates.Given? {
        guard let reader = field.mapping(what: "`cost`") else { return nil }
        reader.rejectUnknownKeys(["per-km", "per-day", "per-night-away", "per-moved-visit"])
        return CostRates.Given(
            perKm: reader.optional("per-km")?.double(in: 0...1_000),
            perDay: reader.optional("per-day")?.double(in: 0...1_000_000),
            perNightAway: reader.optional("per-night-away")?.double(in: 0...1_000_000),
            perMovedVisit: reader.optional("per-moved-visit")?.double(in: 0...1_000_000))
    }

    private static func decodeBase(_ field: Field) -> Team.Base? {
        guard let reader = field.mapping(what: "`base`") else { return nil }
        reader.rejectUnknownKeys(["name", "lat", "lon"])
        let name = reader.required("name")?.localized()
        let lat = latitude(reader)
        let lon = longitude(reader)
        guard let name, let lat, let lon else { return nil }
        return Team.Base(name: name, location: GeoPoint(lat: lat, lon: lon))
    }

    /// The elements of the top-level list `name` of a file.
    static func list(named name: String, in root: Node, file: String, sink: DiagnosticSink) -> [Field] {
        guard let reader = MappingReader(root, what: "\(file)", at: SourceLocation(file: file), sink: sink) else {
            return []
        }
        reader.rejectUnknownKeys([name])
        return reader.required(name)?.elements() ?? []
    }

    /// Reads `field` as a mapping describing one `kind` of entity (such as "team"): registers its `id`,
    /// reporting a duplicate, and rejects keys outside `keys`; messages then name the entity by its id.
    static func entity(
        _ field: Field, kind: String, key: (String) -> SourceMap.Key, keys: [String], map: inout SourceMap
    ) -> (id: String?, reader: MappingReader)? {
        guard let first = field.mapping(what: kind) else { return nil }
        var id: String?
        if let idField = first.required("id"), let text = idField.identifier() {
            map.defineUnique(key(text), id: text, what: "\(kind) id", at: idField.location, sink: field.sink)
            id = text
        }
        let name = id.map { "\(kind) `\($0)`" } ?? kind
        guard let reader = MappingReader(field.node, what: name, at: field.location, sink: field.sink) else {
            return nil
        }
        reader.rejectUnknownKeys(keys)
        return (id, reader)
    }
}
