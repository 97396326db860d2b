/// The few DevTools protocol commands `ChromiumSession` sends, as the JSON the browser reads.
enum DevTools {
    /// One command: `id` pairs it with its reply; `sessionId` addresses a tab, none the browser.
    struct Command<Parameters: Encodable>: Encodable {
        let id: Int
        let method: String
        let params: Parameters
        let sessionId: String?
    }

    /// `Page.enable` and others that take nothing.
    struct NoParameters: Encodable {}

    /// `Target.createTarget`: a new tab at `url`.
    struct CreateTarget: Encodable {
        let url: String
    }

    /// `Target.attachToTarget`, flat: the tab's messages come on the browser's pipe with its session id.
    struct AttachToTarget: Encodable {
        let targetId: String
        var flatten = true
    }

    /// `Page.navigate`.
    struct Navigate: Encodable {
        let url: String
    }

    /// `Page.printToPDF` with the page's own `@page` size, margins and margin boxes, and no header or footer.
    struct PrintToPDF: Encodable {
        var preferCSSPageSize = true
        var printBackground = true
        var displayHeaderFooter = false
    }
}

/// A message from the browser: the reply to a command (`id`, with `result` or `error`) or an event (`method`).
struct DevToolsMessage: Decodable {
    /// The members of a reply's result that ecv reads; each is there only for its command.
    struct Result: Decodable {
        /// `Page.printToPDF`: the PDF, base64.
        var data: String?
        /// `Target.createTarget`: the new tab.
        var targetId: String?
        /// `Target.attachToTarget`: the session that addresses the tab.
        var sessionId: String?
    }

    /// Why a command failed.
    struct Failure: Decodable {
        var message: String?
    }

    var id: Int?
    var method: String?
    var sessionId: String?
    var result: Result?
    var error: Failure?
}
