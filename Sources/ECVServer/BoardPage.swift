import ECVModel
import ECVStore

/// The readiness board: every vehicle, NOT DEPLOYABLE first; a table on a laptop, one card per vehicle on a
/// phone.
struct BoardPage {
    let catalog: Catalog
    let page: WebPage

    func render(_ rows: [BoardRow]) throws -> String {
        let messages = page.messages
        let view = BoardView(
            count: messages("web.board.count", "\(rows.count)"),
            rows: rows.map { row in
                BoardView.Row(
                    code: row.verdict.readiness.rawValue, verdict: messages.readiness(row.verdict.readiness),
                    vehicle: row.vehicle, href: WebPath.vehicle(row.vehicle),
                    client: catalog.client(withID: row.client).map { messages.text($0.name) } ?? row.client,
                    route: row.route,
                    failed: row.verdict.failed.map {
                        BoardView.Failed(item: $0.itemID, severity: messages.severity($0.severity))
                    })
            })
        return try page.render("web-board", title: messages("web.nav.board"), view)
    }
}

/// What the `web-board` template shows.
struct BoardView: Encodable {
    /// One vehicle: its verdict, client, line and failed items.
    struct Row: Encodable {
        let code: String
        let verdict: String
        let vehicle: String
        let href: String
        let client: String
        let route: String
        let failed: [Failed]
    }

    /// A failed item and its severity.
    struct Failed: Encodable {
        let item: String
        let severity: String
    }

    /// The navigation marks the board as the current page.
    var atBoard = true
    let count: String
    let rows: [Row]
}
