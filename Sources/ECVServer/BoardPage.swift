import ECVModel
import ECVStore

/// The readiness board: every vehicle, NOT DEPLOYABLE first; a table on a laptop, one card per vehicle on a
/// phone.
struct BoardPage {
    let catalog: Catalog
    let page: WebPage

    func render(_ rows: [BoardRow]) throws -> String {
        let messages = page.messages
        let context: [String: Any] = [
            "atBoard": true,
            "count": messages("web.board.count", "\(rows.count)"),
            "rows": rows.map { row in
                [
                    "code": row.verdict.readiness.rawValue, "verdict": messages.readiness(row.verdict.readiness),
                    "vehicle": row.vehicle, "href": WebPath.vehicle(row.vehicle),
                    "client": catalog.client(withID: row.client).map { messages.text($0.name) } ?? row.client,
                    "route": row.route,
                    "failed": row.verdict.failed.map {
                        ["item": $0.itemID, "severity": messages.severity($0.severity)]
                    },
                ] as [String: Any]
            },
        ]
        return try page.render("web-board", title: messages("web.nav.board"), context)
    }
}
