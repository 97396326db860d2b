import ECVModel
import Foundation
import Yams

/// Reads one `Routes/<line>.yaml` file: the line, its sites and their vehicles.
enum RouteDecoder {
    static let routeKeys = [
        "route", "name", "team", "start", "end", "workdays", "work-hours", "holidays", "max-drive-hours",
        "setup-minutes", "travel", "timezone", "sites", "cost", "notice-days",
    ]
    static let siteKeys = [
        "id", "client", "city", "address", "lat", "lon", "open", "unavailable", "appointment", "contact", "vehicles",
    ]
    static let vehicleKeys = ["id", "model", "equipment", "priority"]

    static func decode(_ root: Node, file: String, sink: DiagnosticSink, map: inout SourceMap) -> Route? {
        guard let reader = MappingReader(root, what: "route", at: SourceLocation(file: file), sink: sink) else {
            return nil
        }
        reader.rejectUnknownKeys(routeKeys)
        let idField = reader.required("route")
        let id = idField?.identifier()
        if let id, let idField {
            map.defineUnique(.route(id), id: id, what: "route", at: idField.location, sink: sink)
        }
        let name = reader.optional("name")?.localized()
        let teamField = reader.required("team")
        let teamID = teamField?.identifier()
        let startField = reader.required("start")
        let start = startField?.day()
        let endField = reader.required("end")
        let end = endField?.day()
        if let start, let end, end < start, let endField {
            sink.error("route ends on \(end), before it starts on \(start)", at: endField.location)
        }
        let workdays = reader.optional("workdays").flatMap(weekdays)
        let workHours = reader.required("work-hours")?.hours()
        let holidays = reader.optional("holidays")?.days() ?? []
        let maxDriveHours = reader.optional("max-drive-hours")?.double(in: 0.5...24)
        let setupMinutes = reader.optional("setup-minutes")?.int(in: ChecklistDecoder.minutesRange) ?? 0
        let travel = reader.optional("travel").flatMap(decodeTravel)
        let timeZone = reader.optional("timezone").flatMap(decodeTimeZone)
        let cost = reader.optional("cost").flatMap(PeopleDecoder.decodeCost)
        let noticeDays = reader.optional("notice-days")?.int(in: 0...60)
        let sites = reader.required("sites")?.elements()?.compactMap { decodeSite($0, map: &map) }
        if let id {
            if let teamField { map.note(.routeTeam(id), at: teamField.location) }
            if let startField { map.note(.routeStart(id), at: startField.location) }
        }
        guard let id, let teamID, let start, let end, let workHours, let sites else { return nil }
        var route = Route(
            id: id, name: name, teamID: teamID, start: start, end: end, workdays: workdays ?? Weekday.monToFri,
            workHours: workHours, holidays: holidays, maxDriveHours: maxDriveHours, setupMinutes: setupMinutes,
            travel: travel ?? TravelModel(), timeZone: timeZone ?? Route.defaultTimeZone, sites: sites)
        route.cost = cost
        route.noticeDays = noticeDays
        return route
    }

    private static func decodeSite(_ field: Field, map: inout SourceMap) -> Site? {
        guard
            let (id, site) = PeopleDecoder.entity(
                field, kind: "site", key: SourceMap.Key.site, keys: siteKeys, map: &map)
        else { return nil }
        let clientField = site.required("client")
        let clientID = clientField?.identifier()
        let city = site.optional("city")?.localized()
        let address = site.optional("address")?.localized()
        let lat = PeopleDecoder.latitude(site)
        let lon = PeopleDecoder.longitude(site)
        let open = site.optional("open").flatMap(decodeOpening)
        let unavailable = site.optional("unavailable")?.days() ?? []
        let appointmentField = site.optional("appointment")
        let appointment = appointmentField?.localDateTime()
        let contact = site.optional("contact").flatMap(PeopleDecoder.decodeContact)
        let vehicleFields = site.required("vehicles")?.elements()
        if let vehicleFields, vehicleFields.isEmpty, let field = site.optional("vehicles") {
            field.sink.error("`vehicles` must list at least one vehicle", at: field.location)
        }
        let vehicles = vehicleFields?.compactMap { decodeVehicle($0, map: &map) }
        if let id {
            if let clientField { map.note(.siteClient(id), at: clientField.location) }
            if let appointmentField { map.note(.siteAppointment(id), at: appointmentField.location) }
        }
        guard let id, let clientID, let lat, let lon, let vehicles else { return nil }
        return Site(
            id: id, clientID: clientID, city: city, address: address, location: GeoPoint(lat: lat, lon: lon),
            openDays: open?.days, openHours: open?.hours, unavailable: unavailable, appointment: appointment,
            contact: contact, vehicles: vehicles)
    }

    private static func decodeVehicle(_ field: Field, map: inout SourceMap) -> Vehicle? {
        guard
            let (id, vehicle) = PeopleDecoder.entity(
                field, kind: "vehicle", key: SourceMap.Key.vehicle, keys: vehicleKeys, map: &map)
        else { return nil }
        let model = vehicle.optional("model")?.string()
        let tagFields = vehicle.required("equipment")?.elements()
        let priority = vehicle.optional("priority")?.oneOf(Vehicle.Priority.self)
        var equipment: [String] = []
        for tagField in tagFields ?? [] {
            guard let tag = tagField.string() else { continue }
            equipment.append(tag)
            if let id { map.note(.vehicleTag(vehicle: id, tag: tag), at: tagField.location) }
        }
        guard let id, tagFields != nil else { return nil }
        return Vehicle(id: id, model: model, equipment: equipment, priority: priority ?? .normal)
    }

    private static func weekdays(_ field: Field) -> [Weekday]? {
        guard let elements = field.elements() else { return nil }
        let days = elements.compactMap { $0.oneOf(Weekday.self) }
        guard days.count == elements.count else { return nil }
        if days.isEmpty { field.sink.error("`\(field.key)` must list at least one day", at: field.location) }
        return days.isEmpty ? nil : days
    }

    private static func decodeOpening(_ field: Field) -> (days: [Weekday]?, hours: DailyHours?)? {
        guard let reader = field.mapping(what: "`open`") else { return nil }
        reader.rejectUnknownKeys(["days", "hours"])
        return (reader.optional("days").flatMap(weekdays), reader.optional("hours")?.hours())
    }

    private static func decodeTravel(_ field: Field) -> TravelModel? {
        guard let reader = field.mapping(what: "`travel`") else { return nil }
        reader.rejectUnknownKeys(["speed-kmh", "circuity"])
        let defaults = TravelModel()
        return TravelModel(
            speedKmh: reader.optional("speed-kmh")?.double(in: 1...200) ?? defaults.speedKmh,
            circuity: reader.optional("circuity")?.double(in: 1...5) ?? defaults.circuity)
    }

    private static func decodeTimeZone(_ field: Field) -> String? {
        guard let name = field.string() else { return nil }
        guard TimeZone(identifier: name) != nil else {
            let known = TimeZone.knownTimeZoneIdentifiers
            field.sink.error(
                "unknown time zone `\(name)`\(Suggestion.hint(for: name, among: known))", at: field.location)
            return nil
        }
        return name
    }
}
