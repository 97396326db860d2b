import ECVModel
import ECVPlanning
import Foundation

/// The readiness board's view: a table on a laptop, one card per vehicle on a phone, the worst first.
struct BoardView: Encodable, Sendable {
    let summary: String
    let noCatalog: Bool
    let rows: [Row]

    struct Row: Encodable, Sendable {
        let code: String
        let verdict: String
        let vehicle: String
        let client: String
        let line: String
        let failed: [Failed]
        let inspected: String?
    }

    struct Failed: Encodable, Sendable {
        let item: String
        let severity: String
    }

    init(_ board: [HubBoardRow], catalog: Catalog?, bundles: Int, language: Language) {
        let messages = Messages(language)
        summary = messages("hub.board.count", "\(board.count)", "\(bundles)")
        noCatalog = catalog == nil
        rows = board.map { row in
            Row(
                code: row.verdict.readiness.rawValue, verdict: messages.readiness(row.verdict.readiness),
                vehicle: row.vehicle,
                client: catalog?.client(withID: row.client).map { messages.text($0.name) } ?? row.client,
                line: catalog?.route(withID: row.route).map { messages.text($0.name) } ?? row.route,
                failed: row.verdict.failed.map { Failed(item: $0.itemID, severity: messages.severity($0.severity)) },
                inspected: row.inspected.map {
                    LocalText.minute($0, timeZone: catalog?.route(withID: row.route)?.timeZone ?? Route.defaultTimeZone)
                })
        }
    }
}

/// Times on the hub's pages, to the minute, on the wall clock of the line they belong to (China's civil time for
/// what belongs to no line, such as a laptop's last sync), as the page says: a dispatcher in Beijing reads a
/// vehicle inspected at 07:30 as 07:30, not as 23:30 the evening before.
enum LocalText {
    static func minute(_ date: Date, timeZone: String = Route.defaultTimeZone) -> String {
        // The plans' writer of instants in a zone, to the minute: `2027-04-17T07:30:00+08:00` → `2027-04-17 07:30`.
        ISOTime.string(date, timeZone: timeZone).prefix(16).replacingOccurrences(of: "T", with: " ")
    }
}
