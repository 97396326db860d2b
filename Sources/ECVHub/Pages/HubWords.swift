import ECVModel

/// The fixed words of the hub's pages in one language, as a template reads them (`{{w.signIn}}`).
struct HubWords: Encodable, Sendable {
    let navMain, board, lines, map, emergency, sync, language: String
    let signInTitle, name, password, signIn, signOut: String
    let verdict, vehicle, client, line, failed, inspected, noCatalog: String
    let day, plannedVehicles, doneVehicles, plannedKm, doneKm, total, noPlan: String
    let mapDescription, legend, mapList, site: String
    let emergencyIntro, lat, lon, radius, search, distance, contact, mapLabel: String
    let laptop, lastPush, lastPull, bundles, refused, noRefusals, at, reason, noLaptops: String
    let times: String

    init(_ m: Messages) {
        navMain = m("hub.nav.main")
        board = m("hub.nav.board")
        lines = m("hub.nav.lines")
        map = m("hub.nav.map")
        emergency = m("hub.nav.emergency")
        sync = m("hub.nav.sync")
        language = m("hub.nav.language")
        signInTitle = m("hub.signIn.title")
        name = m("hub.signIn.name")
        password = m("hub.signIn.password")
        signIn = m("hub.signIn.submit")
        signOut = m("hub.signOut")
        verdict = m("hub.board.verdict")
        vehicle = m("hub.board.vehicle")
        client = m("hub.board.client")
        line = m("hub.board.line")
        failed = m("hub.board.failed")
        inspected = m("hub.board.inspected")
        noCatalog = m("hub.board.noCatalog")
        day = m("hub.lines.day")
        plannedVehicles = m("hub.lines.plannedVehicles")
        doneVehicles = m("hub.lines.doneVehicles")
        plannedKm = m("hub.lines.plannedKm")
        doneKm = m("hub.lines.doneKm")
        total = m("hub.lines.total")
        noPlan = m("hub.lines.noPlan")
        mapDescription = m("hub.map.description")
        legend = m("hub.map.legend")
        mapList = m("hub.map.list")
        site = m("hub.map.site")
        emergencyIntro = m("hub.emergency.intro")
        lat = m("hub.emergency.lat")
        lon = m("hub.emergency.lon")
        radius = m("hub.emergency.radius")
        search = m("hub.emergency.search")
        distance = m("hub.emergency.distance")
        contact = m("hub.emergency.contact")
        mapLabel = m("hub.emergency.mapLabel")
        laptop = m("hub.sync.laptop")
        lastPush = m("hub.sync.lastPush")
        lastPull = m("hub.sync.lastPull")
        bundles = m("hub.sync.bundles")
        refused = m("hub.sync.refused")
        noRefusals = m("hub.sync.noRefusals")
        at = m("hub.sync.at")
        reason = m("hub.sync.reason")
        noLaptops = m("hub.sync.noLaptops")
        times = m("hub.times")
    }

    /// The words of each language, made once.
    static let all: [Language: HubWords] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0, HubWords(Messages($0))) })
}
