import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import Foundation
import Hummingbird
import Logging
import MultipartKit

/// The local web form: today's visits, a form per vehicle and subsystem, the readiness board.
///
/// Every answer is saved by a plain form post (the page's script posts it as soon as it is entered; without
/// JavaScript the Save buttons do). Posts carry a per-server CSRF token. Off the loopback address every
/// request must carry the access token (`Authorization: Bearer`, the `ecv_token` cookie, or `?token=` once,
/// which sets the cookie).
public struct WebServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
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
        /// Host names besides the bound address and `localhost` that requests may name (`--allow-host`).
        public var allowedHosts: [String]

        public init(
            host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, actor: Actor,
            allowedHosts: [String] = [], now: @escaping @Sendable () -> Date = { Date() }, inputs: PlanInputs? = nil
        ) {
            self.host = host
            self.port = port
            self.token = token
            self.actor = actor
            self.now = now
            self.inputs = inputs
            self.allowedHosts = allowedHosts
        }

        /// Whether `host` only accepts connections from this machine.
        public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
    }

    public let configuration: Configuration
    let catalog: Catalog
    let store: Store
    /// Random per server start; an attacker's page cannot read it from ours.
    let csrf: String

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
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "ecv"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorPageMiddleware())
        router.add(
            middleware: SameOriginMiddleware(boundHost: configuration.host, extraHosts: configuration.allowedHosts))
        if let token = configuration.token { router.add(middleware: AccessTokenMiddleware(token: token)) }
        let pages = Pages(catalog: catalog, csrf: csrf)
        router.get("/") { _, _ in
            WebServer.html(pages.board(try store.board(catalog)))
        }
        router.get("/today") { request, _ in
            let text = request.uri.queryParameters.get("date")
            let day =
                try text.map { text in
                    guard let day = CalendarDay(iso: text) else {
                        throw WebError(.badRequest, "date must be YYYY-MM-DD")
                    }
                    return day
                } ?? ISOTime.today(at: configuration.now())
            guard let record = try store.publishedPlan() else {
                return WebServer.html(pages.today(nil, day: day))
            }
            let plan = try TourPlan(json: record.json, routes: catalog.routes)
            let differences = configuration.inputs.flatMap { record.inputs?.differences(from: $0) }
            return WebServer.html(
                pages.today(
                    (record.version, plan.days(on: day, catalog: catalog)), day: day, differing: differences ?? []))
        }
        router.get("/vehicles/:vehicle") { _, context in
            let placement = try placement(context)
            return WebServer.html(
                pages.vehicle(placement, history: try store.results(ofVehicle: placement.vehicle.id), subsystem: nil))
        }
        router.get("/vehicles/:vehicle/report") { _, context in
            let placement = try placement(context)
            let report = try VehicleReport.from(
                store, placement: placement, catalog: catalog,
                language: catalog.client(withID: placement.site.clientID)?.language ?? .zh)
            return WebServer.html(try report.html())
        }
        router.get("/vehicles/:vehicle/:subsystem") { _, context in
            let placement = try placement(context)
            let name = try context.parameters.require("subsystem")
            guard let subsystem = Subsystem(rawValue: name) else { throw WebError(.notFound, "no subsystem \(name)") }
            return WebServer.html(
                pages.vehicle(
                    placement, history: try store.results(ofVehicle: placement.vehicle.id), subsystem: subsystem,
                    photos: try store.photos(ofVehicle: placement.vehicle.id)))
        }
        router.post("/vehicles/:vehicle/answers") { request, context in
            try await answer(request, context, pages: pages)
        }
        router.post("/vehicles/:vehicle/photos") { request, context in
            try await upload(request, context)
        }
        router.get("/photos/:photo") { _, context in
            let text = try context.parameters.require("photo")
            guard let id = UUID(uuidString: text.components(separatedBy: ".")[0]),
                let (_, data) = try store.photo(id), let kind = PhotoKind(sniffing: data)
            else { throw WebError(.notFound, "no photo \(text)") }
            // The type comes from the bytes, never from a row; nothing in the file may run.
            return Response(
                status: .ok,
                headers: [
                    .contentType: kind.rawValue, WebServer.noSniff: "nosniff",
                    .contentSecurityPolicy: "default-src 'none'", .contentDisposition: "inline",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return router
    }

    private func placement(_ context: BasicRequestContext) throws -> Catalog.VehiclePlacement {
        let id = try context.parameters.require("vehicle")
        guard let placement = catalog.placement(ofVehicle: id) else { throw WebError(.notFound, "no vehicle \(id)") }
        return placement
    }

    /// Records one answer; replies with the page (a redirect to it) or, to the page's script, JSON.
    private func answer(_ request: Request, _ context: BasicRequestContext, pages: Pages) async throws -> Response {
        let placement = try placement(context)
        var request = request
        let buffer = try await BodyLimit.collect(&request, upTo: WebServer.maximumAnswerBytes, what: "an answer")
        let form: AnswerForm
        do {
            form = try URLEncodedFormDecoder().decode(AnswerForm.self, from: String(buffer: buffer))
        } catch {
            throw WebError(.badRequest, "the form could not be read")
        }
        guard let token = form.csrf, WebServer.constantTimeEqual(token, csrf) else {
            throw WebError(.forbidden, "the form is out of date or not from this server; reload the page")
        }
        guard let item = form.item, let value = form.value else {
            throw WebError(.badRequest, "the form needs an item and a value")
        }
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let subsystem = item.split(separator: ".").first.map(String.init) ?? ""
        let page = "/vehicles/\(Pages.path(placement.vehicle.id))/\(subsystem)"
        let note = form.note.flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try store.record(
                [ResultEntry(itemID: item, value: value, note: note, source: "answer")], for: placement,
                catalog: catalog, by: configuration.actor, at: configuration.now(), makeID: TimeOrderedID.make)
        } catch let errors as EntryErrors {
            // One answer, one message: the entry's source says nothing on a form.
            let message = errors.messages.map { $0.hasPrefix("answer: ") ? String($0.dropFirst(8)) : $0 }
                .joined(separator: "; ")
            if wantsJSON { return WebServer.json(["ok": false, "message": message], status: .unprocessableContent) }
            let history = try store.results(ofVehicle: placement.vehicle.id)
            var response = WebServer.html(
                pages.vehicle(
                    placement, history: history, subsystem: Subsystem(rawValue: subsystem),
                    message: .init(text: message, isError: true)))
            response.status = .unprocessableContent
            return response
        }
        if wantsJSON {
            let history = try store.results(ofVehicle: placement.vehicle.id)
            let verdict = VerdictRules.verdict(items: catalog.items(applyingTo: placement.vehicle), results: history)
            return WebServer.json([
                "ok": true, "status": history.last?.status.rawValue ?? "", "verdict": Pages.verdictBanner(verdict),
                "readiness": verdict.readiness.rawValue,
            ])
        }
        return .redirect(to: "\(page)#\(item)", type: .found)
    }

    /// Saves a photo of one item: a JPEG or PNG (told by its bytes) of at most 10 MiB, under a name made
    /// from its id.
    private func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let placement = try placement(context)
        var request = request
        let buffer = try await BodyLimit.collect(
            &request, upTo: PhotoKind.maximumBytes + 64 * 1024, what: "a photo upload")
        guard let boundary = MultipartBoundary.of(request.headers[.contentType] ?? "") else {
            throw WebError(.badRequest, "a photo comes as multipart/form-data")
        }
        let form: PhotoForm
        do {
            form = try FormDataDecoder().decode(PhotoForm.self, from: buffer, boundary: boundary)
        } catch {
            throw WebError(.badRequest, "a photo comes as multipart/form-data")
        }
        guard let token = form.csrf, WebServer.constantTimeEqual(token, csrf) else {
            throw WebError(.forbidden, "the form is out of date or not from this server; reload the page")
        }
        let item = form.item ?? ""
        guard catalog.items(applyingTo: placement.vehicle).contains(where: { $0.fullID == item }) else {
            throw WebError(.badRequest, "no item `\(item)` for \(placement.vehicle.id)")
        }
        guard let file = form.photo, !file.isEmpty else { throw WebError(.badRequest, "choose a photo first") }
        guard file.count <= PhotoKind.maximumBytes else {
            throw WebError(.contentTooLarge, "a photo may have at most 10 MiB")
        }
        guard let kind = PhotoKind(sniffing: file) else {
            throw WebError(.unsupportedMediaType, "only JPEG and PNG photos are kept")
        }
        _ = try store.savePhoto(
            file, kind: kind, of: placement, item: item, catalog: catalog, by: configuration.actor,
            at: configuration.now(),
            makeID: TimeOrderedID.make)
        let subsystem = item.split(separator: ".").first.map(String.init) ?? ""
        return .redirect(to: "/vehicles/\(Pages.path(placement.vehicle.id))/\(subsystem)#\(item)", type: .found)
    }

    /// The largest answer form read.
    static let maximumAnswerBytes = 64 * 1024

    /// Tells browsers to take a photo for the type it is served as, never for a script.
    static let noSniff = HTTPFields.Element.Name("X-Content-Type-Options") ?? .contentType

    static func html(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
