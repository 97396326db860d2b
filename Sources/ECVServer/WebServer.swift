import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVSync
import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// The local web form: each team's day, a form per vehicle and subsystem, the readiness board.
///
/// Every answer is saved by a form post: the page's script posts it as soon as it is entered and keeps it
/// until the server acknowledges it; without JavaScript the Save buttons post the same form. Posts carry a
/// per-server CSRF token. Off the loopback address every request must carry the access token
/// (`Authorization: Bearer`, the `ecv_token` cookie, or `?token=` once, which sets the cookie).
public struct WebServer: Sendable {
    /// Where the server listens, who it records for, and how it guards itself.
    public struct Configuration: Sendable {
        /// The address to bind; `ecv serve` refuses any but loopback without a `token`.
        public var host: String
        /// The TCP port; 0 takes a free one.
        public var port: Int
        /// Required of every request when set.
        public var token: String?
        /// Who the answers are recorded for.
        public var actor: Actor
        /// The clock: what "today" is and when answers are recorded.
        public var now: @Sendable () -> Date
        /// The Checklists/ and Routes/ files the server was started with (its catalog's), compared with those the
        /// published plan was made from; read once, as the catalog is.
        public var inputs: PlanInputs?
        /// The language of the pages until the reader chooses another.
        public var language: Language
        /// Host names besides the bound address and `localhost` that requests may name (`--allow-host`).
        public var allowedHosts: [String]
        /// Seconds a connection may send nothing, or a request head that never ends, before it is closed.
        public var idleTimeoutSeconds: Double = 20
        /// Seconds a request may take to arrive whole, from its head to the end of its body.
        public var requestTimeoutSeconds: Double = 30
        /// Connections open at once; more wait to be accepted until one closes, so that idle sockets cannot use
        /// up the process's files.
        public var maximumConnections: Int = 256

        /// A configuration for `actor` on 127.0.0.1:8080, pages in zh, the system clock, by default.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, actor: Actor,
            allowedHosts: [String] = [], language: Language = .zh, now: @escaping @Sendable () -> Date = { Date() },
            inputs: PlanInputs? = nil
        ) {
            self.host = host
            self.port = port
            self.token = token
            self.actor = actor
            self.now = now
            self.inputs = inputs
            self.allowedHosts = allowedHosts
            self.language = language
        }

        /// Whether `host` only accepts connections from this machine.
        public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
    }

    /// How the server was started.
    public let configuration: Configuration
    let catalog: Catalog
    let store: Store
    /// Random per server start; an attacker's page cannot read it from ours.
    let csrf: String

    /// A server for `catalog`'s tour, recording into `store`.
    public init(configuration: Configuration, catalog: Catalog, store: Store) {
        self.configuration = configuration
        self.catalog = catalog
        self.store = store
        var random = SystemRandomNumberGenerator()
        csrf = (0..<4).map { _ in String(random.next() as UInt64, radix: 16) }.joined()
    }

    /// The application, for `run` and for tests.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        // The command prints the address itself; the server's own log says only what goes wrong.
        var logger = Logger(label: "ecv serve")
        logger.logLevel = .warning
        let requestTimeout = configuration.requestTimeoutSeconds
        return Application(
            router: router(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestDeadline(seconds: requestTimeout)],
                    idleTimeout: .nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000)))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "ecv",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(language: configuration.language))
        router.add(
            middleware: SameOriginMiddleware(boundHost: configuration.host, extraHosts: configuration.allowedHosts))
        if let token = configuration.token { router.add(middleware: AccessTokenMiddleware(token: token)) }
        router.get("/") { request, _ in
            try await StoreWork.read {
                WebServer.html(try BoardPage(catalog: catalog, page: page(request)).render(try store.board(catalog)))
            }
        }
        router.get("/today") { request, _ in try await StoreWork.read { try today(request) } }
        router.get("/vehicles/:vehicle") { request, context in
            let placement = try placement(context)
            return try await StoreWork.read {
                WebServer.html(try vehiclePage(request, placement).render(subsystem: nil))
            }
        }
        router.get("/vehicles/:vehicle/report") { _, context in
            let placement = try placement(context)
            return try await StoreWork.read {
                let report = VehicleReport(
                    placement: placement, catalog: catalog,
                    history: try store.history(ofVehicle: placement.vehicle.id),
                    plan: try publishedPlan(try store.publishedPlan()),
                    language: catalog.client(withID: placement.site.clientID)?.language ?? .zh)
                return WebServer.html(try report.html())
            }
        }
        router.get("/vehicles/:vehicle/:subsystem") { request, context in
            let name = try context.parameters.require("subsystem")
            guard let subsystem = Subsystem(rawValue: name) else {
                throw WebError(.notFound, "web.error.noSubsystem", name)
            }
            let placement = try placement(context)
            return try await StoreWork.read {
                WebServer.html(try vehiclePage(request, placement).render(subsystem: subsystem))
            }
        }
        router.post("/vehicles/:vehicle/answers") { request, context in
            try await answer(request, context)
        }
        router.post("/vehicles/:vehicle/photos") { request, context in
            try await upload(request, context)
        }
        router.get("/photos/:photo") { _, context in
            let text = try context.parameters.require("photo")
            let found = try await StoreWork.read { () throws -> Data? in
                guard let id = UUID(uuidString: text.components(separatedBy: ".")[0]) else { return nil }
                return try store.photo(id)?.1
            }
            guard let data = found, let kind = PhotoKind(sniffing: data) else {
                throw WebError(.notFound, "web.error.noPhoto", text)
            }
            // The type comes from the bytes, never from a row; nothing in the file may run.
            return Response(
                status: .ok,
                headers: [
                    .contentType: kind.rawValue, WebServer.noSniff: "nosniff",
                    .contentSecurityPolicy: "default-src 'none'", .contentDisposition: "inline",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/assets/form.js") { _, _ in
            // Without its script the form still posts plain forms, but the answers' states would be missing.
            guard !WebAssets.formScript.isEmpty else {
                throw WebError(.internalServerError, "web.error.internal", "form.js is missing from the installation")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", WebServer.noSniff: "nosniff"],
                body: .init(byteBuffer: ByteBuffer(string: WebAssets.formScript)))
        }
        // A page opened before the server restarted holds a token the server no longer takes; its script
        // asks for the current one here and sends its waiting answers with it. Another site cannot read this
        // reply (no CORS, and Host is checked), as it cannot read the pages that carry the token.
        router.get("/session") { _, _ in WebServer.json(SessionReply(csrf: csrf)) }
        return router
    }

    /// The request's page frame: its language and links.
    func page(_ request: Request) -> WebPage {
        WebPage(
            language: WebLanguage.of(request, default: configuration.language), csrf: csrf, path: request.uri.path,
            query: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
    }

    private func today(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let team = query.get("team").flatMap { $0.isEmpty ? nil : $0 }
        if let team, catalog.team(withID: team) == nil { throw WebError(.notFound, "web.error.noTeam", team) }
        let record = try store.publishedPlan()
        let agenda = try publishedPlan(record).map { PublishedAgenda($0, catalog: catalog) }
        let day: CalendarDay
        if let text = query.get("date"), !text.isEmpty {
            guard let given = CalendarDay(iso: text) else { throw WebError(.badRequest, "web.error.date") }
            day = given
        } else {
            // Before the tour begins, the form opens on its first day rather than on an empty one.
            let today = PublishedAgenda.today(at: configuration.now())
            day = agenda?.span.map { today < $0.lowerBound ? $0.lowerBound : today } ?? today
        }
        let differences = configuration.inputs.flatMap { inputs in record?.inputs?.differences(from: inputs) } ?? []
        return WebServer.html(
            try TodayPage(catalog: catalog, page: page(request)).render(
                agenda, day: day, team: team, differing: differences))
    }

    /// The published plan `record` read back, nil when none is published; a damaged one is the error page
    /// that says so, never a page without a plan.
    func publishedPlan(_ record: PlanRecord?) throws -> StoredPlan? {
        guard let record else { return nil }
        do {
            return try StoredPlan(json: record.json, version: record.version, routes: catalog.routes)
        } catch {
            throw WebError(.internalServerError, "web.error.plan", error.description)
        }
    }

    private func vehiclePage(_ request: Request, _ placement: Catalog.VehiclePlacement) throws -> VehiclePage {
        VehiclePage(
            catalog: catalog, placement: placement, records: try store.resultRecords(ofVehicle: placement.vehicle.id),
            photos: try store.photos(ofVehicle: placement.vehicle.id), page: page(request),
            timeZone: WebServer.timeZone)
    }

    func placement(_ context: BasicRequestContext) throws -> Catalog.VehiclePlacement {
        let raw = try context.parameters.require("vehicle")
        // Paths carry ids percent-encoded: a CJK id arrives as %E6%B6%88….
        guard let id = WebPath.decoded(raw), let placement = catalog.placement(ofVehicle: id) else {
            throw WebError(.notFound, "web.error.noVehicle", WebPath.decoded(raw) ?? raw)
        }
        return placement
    }

    /// The engineer's clock: the tour runs in China.
    static let timeZone = TimeZone(identifier: Route.defaultTimeZone) ?? .current

    /// The largest answer form read.
    static let maximumAnswerBytes = 64 * 1024

    /// Tells browsers to take a photo for the type it is served as, never for a script.
    static let noSniff = HTTPFields.Element.Name("X-Content-Type-Options") ?? .contentType

    static func html(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: pagePolicy, noSniff: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// What a page may load: its own script and photos, its inline style; nothing from elsewhere, no inline
    /// script (a name that slipped past escaping still could not run), and no framing by another site.
    static let pagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// `value` as a JSON reply, keys sorted.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let data = try encoder.encode(value)
            return Response(
                status: status, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            // Only a value that is no JSON (a NaN) gets here: said as a failure, never as an empty success.
            return Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "the reply could not be written: \(error)")))
        }
    }

    /// The reply to a refused answer or request, for the page's script.
    struct RefusalReply: Encodable {
        var ok = false
        var message: String
        var retry: Bool
    }

    /// The page's CSRF token, for a page that was open before the server restarted.
    struct SessionReply: Encodable {
        var csrf: String
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
