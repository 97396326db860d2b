/// Where each entity and each cross-referencing value came from, so that checks across files point at
/// the right line; registering an id twice is how duplicates are found.
struct SourceMap {
    /// What a location belongs to.
    enum Key: Hashable {
        case checklist(String)
        case item(String)
        case itemTag(item: String, tag: String)
        case team(String)
        case client(String)
        case route(String)
        case routeTeam(String)
        case routeStart(String)
        case site(String)
        case siteClient(String)
        case siteAppointment(String)
        case vehicle(String)
        case vehicleTag(vehicle: String, tag: String)
        case tag(String)
    }

    private var locations: [Key: SourceLocation] = [:]

    subscript(key: Key) -> SourceLocation? { locations[key] }

    /// Records where `key` is defined; returns the earlier location when it was already defined.
    mutating func define(_ key: Key, at location: SourceLocation) -> SourceLocation? {
        if let earlier = locations[key] { return earlier }
        locations[key] = location
        return nil
    }

    /// Records where a referencing value stands (a later definition does not replace the first).
    mutating func note(_ key: Key, at location: SourceLocation) {
        if locations[key] == nil { locations[key] = location }
    }

    /// Records `key`'s definition, reporting a duplicate `what` (such as "site id") at `location`.
    mutating func defineUnique(
        _ key: Key, id: String, what: String, at location: SourceLocation, sink: DiagnosticSink
    ) {
        if let earlier = define(key, at: location) {
            sink.error("duplicate \(what) `\(id)`, first defined at \(earlier)", at: location)
        }
    }
}
