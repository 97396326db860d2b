import ECVModel
import Foundation
import HTTPTypes
import Hummingbird

/// The dispatcher's pages: sign-in and sign-out, the readiness board, each line's progress, the map, the
/// emergency view and sync health, in Chinese or English.
///
/// Every page but the sign-in page needs a session of a dispatcher. Posts carry a form token besides the
/// SameSite=Strict cookies: the sign-in form the token of its own cookie, the sign-out form the session's.
struct HubPages: Sendable {
    let database: HubDatabase
    let now: @Sendable () -> Date
    let cookies: SessionCookies
    let throttle: SignInThrottle

    /// Every path the pages answer, and nothing else: the signature check lets these through unsigned.
    static let paths = Set(["/sign-in", "/sign-out", "/assets/hub.js"] + PageFrame.Section.allCases.map(\.rawValue))

    /// The largest form body taken: a name, a password and a token.
    static let formLimit = 4096

    func register(on router: Router<BasicRequestContext>) {
        router.get("/sign-in") { request, _ in try await signInPage(request) }
        router.post("/sign-in") { request, _ in try await signIn(request) }
        router.post("/sign-out") { request, _ in try await signOut(request) }
        router.get("/") { request, _ in
            try await dispatcherPage(request, .board) { frame, language in
                let (catalog, rows) = try await board()
                let bundles = try await database.receiptCount()
                return try HubTemplates.render(
                    "hub-board",
                    HubPage(frame: frame, view: BoardView(rows, catalog: catalog, bundles: bundles, language: language))
                )
            }
        }
        router.get("/lines") { request, _ in
            try await dispatcherPage(request, .lines) { frame, language in
                let progress = try await database.lineProgress()
                return try HubTemplates.render(
                    "hub-lines", HubPage(frame: frame, view: LinesView(progress, language: language)))
            }
        }
        router.get("/map") { request, _ in
            try await dispatcherPage(request, .map) { frame, language in
                let (catalog, rows) = try await board()
                return try HubTemplates.render(
                    "hub-map", HubPage(frame: frame, view: MapView(rows, catalog: catalog, language: language)))
            }
        }
        router.get("/emergency") { request, _ in
            try await dispatcherPage(request, .emergency) { frame, language in
                let (catalog, rows) = try await board()
                let query = EmergencyQuery(request.uri.queryParameters)
                return try HubTemplates.render(
                    "hub-emergency",
                    HubPage(
                        frame: frame,
                        view: EmergencyView(query: query, rows: rows, catalog: catalog, language: language)))
            }
        }
        router.get("/sync") { request, _ in
            try await dispatcherPage(request, .sync) { frame, language in
                let health = try await database.syncHealth()
                return try HubTemplates.render(
                    "hub-sync", HubPage(frame: frame, view: SyncHealthView(health, language: language)))
            }
        }
        router.get("/assets/hub.js") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/javascript; charset=utf-8", HubPages.noSniff: "nosniff",
                    .cacheControl: "no-cache",
                ],
                body: .init(byteBuffer: ByteBuffer(string: HubPages.script)))
        }
    }

    /// The office's latest catalog, and the board of its vehicles; none before the office pushes one.
    private func board() async throws -> (Catalog?, [HubBoardRow]) {
        guard let catalog = try await database.currentCatalog() else { return (nil, []) }
        return (catalog, try await database.board(catalog))
    }

    // MARK: - Signing in and out

    /// The sign-in form, with a new form token in its cookie.
    private func signInPage(_ request: Request, error: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let language = PageLanguage.of(request)
        let token = SessionCookies.randomToken()
        let frame = PageFrame(
            title: Messages(language)("hub.signIn.title"), language: language, path: "/sign-in", query: [],
            section: nil, session: nil)
        let page = try HubTemplates.render(
            "hub-sign-in", HubPage(frame: frame, view: SignInView(error: error, formToken: token)))
        return html(page, status: status, request: request, cookies: [cookies.signInForm(token)])
    }

    /// Signs in when the form's token matches its cookie, the name is not throttled and the password is right.
    ///
    /// A wrong name and a wrong password get the same reply, in the same time (`HubDatabase.user`).
    private func signIn(_ request: Request) async throws -> Response {
        let messages = Messages(PageLanguage.of(request))
        guard let form = try await Self.form(SignInForm.self, of: request),
            let posted = form.form, let expected = request.cookies[SessionCookies.signInForm]?.value,
            posted.isSameToken(as: expected)
        else {
            return try await signInPage(request, error: messages("hub.signIn.expired"), status: .forbidden)
        }
        let name = form.name ?? ""
        let clock = now()
        if let until = await throttle.blockedUntil(name, at: clock) {
            let minutes = max(1, Int((until.timeIntervalSince(clock) / 60).rounded(.up)))
            return try await signInPage(
                request, error: messages("hub.signIn.throttled", "\(minutes)"), status: .tooManyRequests)
        }
        guard name.utf8.count <= 64, let user = try await database.user(named: name, password: form.password ?? "")
        else {
            await throttle.failed(name, at: clock)
            return try await signInPage(request, error: messages("hub.signIn.failed"), status: .unauthorized)
        }
        await throttle.succeeded(name)
        let session = try await database.startSession(for: user, at: clock)
        return Self.redirect(to: "/", cookies: [cookies.session(session)])
    }

    /// Ends the session when the form carries its token.
    private func signOut(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return Self.redirect(to: "/sign-in") }
        guard let form = try await Self.form(SignOutForm.self, of: request), let posted = form.form,
            posted.isSameToken(as: session.formToken)
        else {
            return try message(request, session: session, "hub.signIn.expired", status: .forbidden)
        }
        try await database.endSession(session.token, at: now())
        return Self.redirect(to: "/sign-in", cookies: [cookies.ended()])
    }

    private struct SignInForm: Decodable {
        var name: String?
        var password: String?
        var form: String?
    }

    private struct SignOutForm: Decodable {
        var form: String?
    }

    /// The posted form, or `nil` when it is not a form or too long.
    private static func form<Form: Decodable>(_ type: Form.Type, of request: Request) async throws -> Form? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: formLimit) else { return nil }
        return try? URLEncodedFormDecoder().decode(type, from: String(buffer: buffer))
    }

    // MARK: - Pages behind the session

    /// The session the request's cookie names, while it lasts.
    private func session(of request: Request) async throws -> HubSession? {
        guard let token = request.cookies[SessionCookies.session]?.value, !token.isEmpty else { return nil }
        return try await database.session(token, at: now())
    }

    /// A dispatcher's page: to the sign-in page without a session; a message for a client.
    private func dispatcherPage(
        _ request: Request, _ section: PageFrame.Section,
        _ body: (PageFrame, Language) async throws -> String
    ) async throws -> Response {
        guard let session = try await session(of: request) else { return Self.redirect(to: "/sign-in") }
        guard session.user.role == .dispatcher else {
            return try message(request, session: session, "hub.clientPagesLater", status: .forbidden)
        }
        let language = PageLanguage.of(request)
        let frame = PageFrame(
            title: section.name(HubWords.all[language] ?? HubWords(Messages(language))), language: language,
            path: request.uri.path, query: request.uri.queryParameters.map { (String($0.key), String($0.value)) },
            section: section, session: session)
        return html(try await body(frame, language), request: request)
    }

    /// A page that says one thing.
    private func message(_ request: Request, session: HubSession?, _ key: String, status: HTTPResponse.Status)
        throws -> Response
    {
        let language = PageLanguage.of(request)
        let messages = Messages(language)
        let frame = PageFrame(
            title: messages("hub.error.title"), language: language, path: request.uri.path, query: [], section: nil,
            session: session)
        let page = try HubTemplates.render("hub-message", HubPage(frame: frame, view: MessageView(text: messages(key))))
        return html(page, status: status, request: request)
    }

    // MARK: - Replies

    // The names are valid header names: the initialiser never fails on them.
    static let noSniff = HTTPField.Name("X-Content-Type-Options") ?? .contentType
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .cacheControl
    private static let frameOptions = HTTPField.Name("X-Frame-Options") ?? .cacheControl

    /// A page: never cached, never framed, running only the hub's own script.
    private func html(
        _ text: String, status: HTTPResponse.Status = .ok, request: Request, cookies: [Cookie] = []
    ) -> Response {
        var response = Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", Self.noSniff: "nosniff",
                Self.referrerPolicy: "no-referrer", Self.frameOptions: "DENY",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
        for cookie in cookies { response.setCookie(cookie) }
        if let chosen = PageLanguage.chosen(request) {
            response.setCookie(
                Cookie(
                    name: PageLanguage.cookie, value: chosen.rawValue, maxAge: 31_536_000, path: "/",
                    secure: self.cookies.secure, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// 303 See Other to `path`.
    private static func redirect(to path: String, cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// The emergency page's script: a click on the map fills in the point.
    static let script: String = {
        guard let url = Bundle.module.url(forResource: "hub", withExtension: "js", subdirectory: "Assets"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()
}

/// The sign-in form's own words.
struct SignInView: Encodable, Sendable {
    let error: String?
    let formToken: String
}

/// A page that says one thing.
struct MessageView: Encodable, Sendable {
    let text: String
}
