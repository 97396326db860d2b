import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// Signing in and out of the dispatcher's pages: a session in `hub_session` behind an HttpOnly, SameSite=Strict
/// cookie; posts that need a form token; a failed sign-in that does not say which part was wrong; a name that
/// fails too often refused for a while.
@Suite(.needs(.postgresql))
struct HubSignInTests {
    static let password = "long enough horse staple"

    /// A live hub with dispatcher `wang.fang`, and a browser on it.
    static func withDispatcher(
        now: @escaping @Sendable () -> Date = Date.init,
        _ body: @Sendable (HubTestServer, PageClient) async throws -> Void
    ) async throws {
        try await HubTestServer.with(now: now) { hub in
            _ = try await hub.database.addUser(
                "wang.fang", role: .dispatcher, clientID: nil, password: password, at: now())
            let browser = PageClient(port: hub.port)
            do {
                try await body(hub, browser)
                try await browser.shutdown()
            } catch {
                try await browser.shutdown()
                throw error
            }
        }
    }

    /// Opens the sign-in page and posts `name` and `password` with its form token.
    static func signIn(_ browser: PageClient, _ name: String, _ password: String) async throws -> PageClient.Reply {
        let form = try await browser.get("/sign-in")
        let token = try #require(form.hiddenField("form"))
        return try await browser.post("/sign-in", [("name", name), ("password", password), ("form", token)])
    }

    @Test func aDispatcherSignsInWithAStrictHttpOnlyCookieAndSignsOut() async throws {
        try await Self.withDispatcher { hub, browser in
            #expect(try await browser.get("/").status == 303)
            // Only the pages go unsigned: any other path, however written, is the API's and needs a signature.
            #expect(try await browser.get("/%761/pull?since=0").status == 401)
            #expect(try await browser.get("/favicon.ico").status == 401)
            let form = try await browser.get("/sign-in")
            #expect(form.status == 200)
            let formCookie = try #require(form.setCookie(SessionCookies.signInForm))
            #expect(formCookie.contains("HttpOnly") && formCookie.contains("SameSite=Strict"))
            let token = try #require(form.hiddenField("form"))
            let reply = try await browser.post(
                "/sign-in", [("name", "wang.fang"), ("password", Self.password), ("form", token)])
            #expect(reply.status == 303)
            #expect(reply.headers["Location"].first == "/")
            let cookie = try #require(reply.setCookie(SessionCookies.session))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            // Plain HTTP on the loopback address: a Secure cookie would never come back.
            #expect(!cookie.contains("Secure"))
            let session = try #require(browser.cookie(SessionCookies.session))
            // The hub keeps the token's hash, never the token.
            #expect(try await hub.database.count("SELECT count(*) FROM hub_session") == 1)
            let stored = try await hub.database.rows("SELECT token_sha256 FROM hub_session").first?.decode(String.self)
            #expect(stored == Data(session.utf8).sha256Hex)

            let board = try await browser.get("/")
            #expect(board.status == 200)
            #expect(board.body.contains("wang.fang"))
            let signOutToken = try #require(board.hiddenField("form"))
            #expect(signOutToken != session)

            // A sign-out without the page's token, as another site's form would send it: refused.
            #expect(try await browser.post("/sign-out", [("form", "forged")]).status == 403)
            #expect(try await browser.get("/").status == 200)
            let out = try await browser.post("/sign-out", [("form", signOutToken)])
            #expect(out.status == 303)
            #expect(out.setCookie(SessionCookies.session)?.contains("Max-Age=0") == true)
            #expect(try await hub.database.count("SELECT count(*) FROM hub_session") == 0)
            // The old cookie, kept by an attacker, opens nothing.
            browser.setCookie(SessionCookies.session, session)
            #expect(try await browser.get("/").status == 303)
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameReplyAndNoSession() async throws {
        try await Self.withDispatcher { hub, browser in
            let wrongPassword = try await Self.signIn(browser, "wang.fang", "not the password at all")
            let unknownName = try await Self.signIn(browser, "li.na", Self.password)
            #expect(wrongPassword.status == 401)
            #expect(unknownName.status == 401)
            let said = "The name or the password is not right."
            let zh = "用户名或密码不正确。"
            #expect(wrongPassword.body.contains(zh) || wrongPassword.body.contains(said))
            #expect(
                wrongPassword.body.replacingOccurrences(of: wrongPassword.hiddenField("form") ?? "", with: "")
                    == unknownName.body.replacingOccurrences(of: unknownName.hiddenField("form") ?? "", with: ""))
            #expect(wrongPassword.setCookie(SessionCookies.session) == nil)
            #expect(try await hub.database.count("SELECT count(*) FROM hub_session") == 0)
        }
    }

    @Test func aSignInWithoutItsFormTokenIsRefused() async throws {
        try await Self.withDispatcher { hub, browser in
            _ = try await browser.get("/sign-in")
            let reply = try await browser.post(
                "/sign-in", [("name", "wang.fang"), ("password", Self.password), ("form", "another")])
            #expect(reply.status == 403)
            #expect(try await hub.database.count("SELECT count(*) FROM hub_session") == 0)
        }
    }

    @Test func aNameThatFailedFiveTimesIsRefusedEvenWithTheRightPasswordUntilTheWindowPasses() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.now }
        try await Self.withDispatcher(now: now) { (hub: HubTestServer, browser: PageClient) async throws in
            for _ in 0..<5 {
                #expect(try await Self.signIn(browser, "wang.fang", "a wrong password here").status == 401)
            }
            let throttled = try await Self.signIn(browser, "wang.fang", Self.password)
            #expect(throttled.status == 429)
            #expect(throttled.body.contains("15"))
            #expect(try await hub.database.count("SELECT count(*) FROM hub_session") == 0)
            // Another name is not held back by these failures.
            _ = try await hub.database.addUser(
                "li.na", role: .dispatcher, clientID: nil, password: Self.password, at: clock.now)
            #expect(try await Self.signIn(browser, "li.na", Self.password).status == 303)
            clock.now = clock.now.addingTimeInterval(15 * 60 + 1)
            #expect(try await Self.signIn(browser, "wang.fang", Self.password).status == 303)
        }
    }

    @Test func anExpiredSessionOpensNothing() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.now }
        try await Self.withDispatcher(now: now) { (_: HubTestServer, browser: PageClient) async throws in
            #expect(try await Self.signIn(browser, "wang.fang", Self.password).status == 303)
            #expect(try await browser.get("/").status == 200)
            clock.now = clock.now.addingTimeInterval(HubSession.lifetime + 1)
            #expect(try await browser.get("/").status == 303)
        }
    }

    @Test func aClientUserSeesNoDispatchersPage() async throws {
        try await Self.withDispatcher { hub, browser in
            try await HubPageFixture.pushCatalog(hub)
            _ = try await hub.database.addUser(
                "fire.ops", role: .client, clientID: HubPageFixture.someClient, password: Self.password, at: Date())
            #expect(try await Self.signIn(browser, "fire.ops", Self.password).status == 303)
            #expect(try await browser.get("/").status == 403)
            #expect(try await browser.get("/emergency?lat=45&lon=126&r=100").status == 403)
        }
    }

    @Test func theSessionCookieIsSecureWhenTheHubSpeaksTLS() {
        let session = HubSession(
            user: HubUser(name: "wang.fang", role: .dispatcher, clientID: nil, createdAt: Date()), token: "abc",
            expiresAt: Date())
        let secure = SessionCookies(secure: true).session(session).description
        #expect(secure.contains("Secure") && secure.contains("HttpOnly") && secure.contains("SameSite=Strict"))
        #expect(!SessionCookies(secure: false).session(session).description.contains("Secure"))
    }

    @Test(arguments: [
        ("en-GB,en;q=0.9,zh-CN;q=0.8", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("fr-FR", "zh"),
        ("fr;q=1, en;q=0.5, zh;q=0.4", "en"),
    ])
    func thePagesLanguageFollowsAcceptLanguageUntilTheReaderChooses(header: String, expected: String) async throws {
        try await Self.withDispatcher { _, browser in
            let page = try await browser.get("/sign-in", headers: [("Accept-Language", header)])
            #expect(page.body.contains("<html lang=\"\(expected)\">"))
            let chosen = try await browser.get("/sign-in?lang=zh", headers: [("Accept-Language", header)])
            #expect(chosen.body.contains("<html lang=\"zh\">"))
            let remembered = try await browser.get("/sign-in", headers: [("Accept-Language", "en")])
            #expect(remembered.body.contains("<html lang=\"zh\">"))
        }
    }
}
