import ECVCatalog
import ECVModel
import ECVStore
import ECVTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ECVServer

/// What the engineer's browser gets besides the pages themselves: the chosen language, errors the page's
/// script can read, the current token after a restart, the script, and ids outside ASCII.
@Suite struct WebFormTests {
    static let actor = Actor(who: "Zhang Wei", laptop: "laptop-1")
    static let cjk = "消防-01"

    struct Fixture {
        let folder: TemporaryFolder
        let store: Store
        let server: WebServer
        let catalog: Catalog

        /// The sample with HLJ-FIRE-02 renamed to a CJK id.
        init(language: Language = .zh) throws {
            folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            let routes = folder.url.appendingPathComponent("Routes/northeast.yaml")
            try String(contentsOf: routes, encoding: .utf8).replacingOccurrences(of: "HLJ-FIRE-02", with: cjk)
                .write(to: routes, atomically: true, encoding: .utf8)
            let loaded = CatalogLoader.load(root: folder.url)
            #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
            catalog = loaded.catalog
            store = try Store(path: folder.databasePath)
            server = WebServer(
                configuration: .init(port: 0, actor: WebFormTests.actor, language: language), catalog: catalog,
                store: store)
        }

        func answer(_ item: String, _ value: String, note: String = "", csrf: String? = nil, json: Bool)
            -> (HTTPFields, ByteBuffer)
        {
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            if json { headers[.accept] = "application/json" }
            let fields = [("csrf", csrf ?? server.csrf), ("item", item), ("value", value), ("note", note)]
            return (
                headers,
                ByteBuffer(
                    string: fields.map {
                        "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $1)"
                    }
                    .joined(separator: "&"))
            )
        }
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test func aVehicleIdOutsideASCIIIsLinkedShownAndAnswered() async throws {
        let fixture = try Fixture()
        let path = "/vehicles/%E6%B6%88%E9%98%B2-01"
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"\(path)\">\(Self.cjk)</a>"))
            }
            try await client.execute(uri: path + "/power", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<h1>\(Self.cjk)</h1>"))
                #expect(page.contains("action=\"\(path)/answers\""))
            }
            let (headers, body) = fixture.answer("power.grounding", "1.1", json: false)
            try await client.execute(uri: path + "/answers", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == path + "/power#power.grounding")
            }
            try await client.execute(uri: path + "/report", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(Self.cjk))
            }
            try await client.execute(uri: "/vehicles/%E6%B6%88%E9%98%B2-99", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("没有车辆 消防-99"))
            }
        }
        #expect(try fixture.store.results(ofVehicle: Self.cjk).map(\.value) == [1.1])
    }

    @Test func pagesSpeakTheLanguageTheEngineerChose() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<h1>出动准备看板</h1>"))
                #expect(page.contains("<html lang=\"zh\">"))
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("<h1>Readiness board</h1>"))
                #expect(response.headers[.setCookie]?.hasPrefix("ecv_lang=en;") == true)
            }
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/power", method: .get, headers: [.cookie: "ecv_lang=en"]
            ) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Power supply"))
                #expect(page.contains(">NOT INSPECTED<"))
                // The language switch keeps the page.
                #expect(page.contains("href=\"/vehicles/HLJ-FIRE-01/power?lang=zh\""))
            }
            try await client.execute(uri: "/today?lang=both", method: .get) { response in
                #expect(String(buffer: response.body).contains("尚未发布计划：办公室用 ecv plan publish 发布。 / No plan"))
            }
        }
    }

    @Test func errorsReachThePagesScriptAsJSONWithTheReasonAndWhetherToRetry() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            let (headers, bad) = fixture.answer("power.generator-start", "fail", json: true)
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: bad
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/json")
                let reply = try Self.json(response.body)
                #expect(reply["ok"] as? Bool == false)
                #expect(reply["retry"] as? Bool == false)
                #expect(reply["message"] as? String == "power.generator-start：“不合格”需要填写备注说明原因")
            }
            let (_, stale) = fixture.answer("power.generator-start", "pass", csrf: "from-before-a-restart", json: true)
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: stale)
            { response in
                #expect(response.status == .forbidden)
                let reply = try Self.json(response.body)
                #expect(reply["retry"] as? Bool == true)
                #expect(reply["message"] as? String == "表单已过期或不是来自本服务器；请重新加载页面")
            }
            try await client.execute(uri: "/vehicles/NOPE/power", method: .get, headers: [.accept: "application/json"])
            { response in
                #expect(response.status == .notFound)
                let reply = try Self.json(response.body)
                #expect(reply["message"] as? String == "没有车辆 NOPE")
            }
            // The page asks for the current token and sends the answer again with it.
            var current = ""
            try await client.execute(uri: "/session", method: .get) { response in
                let reply = try Self.json(response.body)
                current = reply["csrf"] as? String ?? ""
            }
            #expect(current == fixture.server.csrf)
            let (_, again) = fixture.answer("power.generator-start", "pass", csrf: current, json: true)
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: again)
            { response in
                #expect(response.status == .ok)
                let reply = try Self.json(response.body)
                #expect(reply["ok"] as? Bool == true)
                #expect((reply["state"] as? String)?.hasPrefix("✓ 已保存 ") == true)
                let progress = try #require(reply["progress"] as? [[String: String]])
                #expect(progress.first { $0["id"] == "power" }?["progress"] == "已答 1/12")
            }
        }
        #expect(try fixture.store.results(ofVehicle: "HLJ-FIRE-01").map(\.status) == [.pass])
    }

    @Test func theScriptComesFromTheServerAndPagesRunNoOther() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/assets/form.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("localStorage"))
            }
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/power", method: .get) { response in
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("script-src 'self';"))
                let page = String(buffer: response.body)
                // The only inline script element is data, which the policy does not run.
                #expect(page.components(separatedBy: "<script").count - 1 == 2)
                #expect(page.contains("<script type=\"application/json\" id=\"ecv-words\">"))
                #expect(page.contains("<script src=\"/assets/form.js\" defer></script>"))
            }
        }
    }
}
