/// A client's yard or station where a team inspects one or more vehicles.
public struct Site: Sendable, Hashable, Codable, Identifiable {
    /// The site's id, unique over the whole tour.
    public var id: String
    /// The client organisation that owns the site and its vehicles.
    public var clientID: String
    /// The city, for people.
    public var city: LocalizedText?
    /// The street address, for people.
    public var address: LocalizedText?
    /// Where the team drives to.
    public var location: GeoPoint
    /// Days the site receives visitors; `nil` means the route's workdays.
    public var openDays: [Weekday]?
    /// Hours the site receives visitors; `nil` means the route's work hours.
    public var openHours: DailyHours?
    /// Days the site receives no visitors (closures, client holidays).
    public var unavailable: [CalendarDay]
    /// When set, the team's first visit at this site must start exactly then.
    public var appointment: LocalDateTime?
    /// Who to call at the site; the client's contact when `nil`.
    public var contact: Contact?
    /// The vehicles parked and inspected here.
    public var vehicles: [Vehicle]

    /// A site with these parts; open on the route's days and hours by default.
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
