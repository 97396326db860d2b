/// A client's yard or station where a team inspects one or more vehicles.
public struct Site: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var clientID: String
    public var city: LocalizedText?
    public var address: LocalizedText?
    public var location: GeoPoint
    /// Days the site receives visitors; `nil` means the route's workdays.
    public var openDays: [Weekday]?
    /// Hours the site receives visitors; `nil` means the route's work hours.
    public var openHours: DailyHours?
    public var unavailable: [CalendarDay]
    /// When set, the team's first visit at this site must start exactly then.
    public var appointment: LocalDateTime?
    public var contact: Contact?
    public var vehicles: [Vehicle]

    public init(
        id: String, clientID: String, city: LocalizedText? = nil, address: LocalizedText? = nil,
        location: GeoPoint, openDays: [Weekday]? = nil, openHours: DailyHours? = nil,
        unavailable: [CalendarDay] = [], appointment: LocalDateTime? = nil, contact: Contact? = nil,
        vehicles: [Vehicle]
    ) {
        self.id = id
        self.clientID = clientID
        self.city = city
        self.address = address
        self.location = location
        self.openDays = openDays
        self.openHours = openHours
        self.unavailable = unavailable
        self.appointment = appointment
        self.contact = contact
        self.vehicles = vehicles
    }
}
