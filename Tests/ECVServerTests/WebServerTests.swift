import ECVCatalog
import ECVModel
import ECVStore
import ECVTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ECVServer

/// Every route of the web form, in process.
@Suite struct WebServerTests {
    static let catalog = CatalogLoader.load(root: ProjectPaths.sampleCatalog).catalog
    static let actor = Actor(who: "Zhang Wei", laptop: "laptop-1")

    struct Fixture {
        let folder: TemporaryFolder
        let store: Store
        let server: WebServer

        init(token: String? = nil) throws {
            folder = try TemporaryFolder()
            store = try Store(path: folder.databasePath)
            server = WebServer(
                configuration: .init(port: 0, token: token, actor: WebServerTests.actor, language: .en),
                catalog: WebServerTests.catalog,
                store: store)
        }

        func form(_ fields: [(String, String)]) -> ByteBuffer {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))
            return ByteBuffer(
                string: fields.map { name, value in
                    "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
                }.joined(separator: "&"))
        }

        func answer(_ item: String, _ value: String, note: String = "", csrf: String? = nil, json: Bool = false)
            -> (HTTPFields, ByteBuffer)
        {
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            if json { headers[.accept] = "application/json" }
            return (
                headers,
                form([("csrf", csrf ?? server.csrf), ("item", item), ("value", value), ("note", note)])
            )
        }
    }

    @Test func theBoardListsEveryVehicle() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("HLJ-FIRE-01"))
                #expect(body.components(separatedBy: "NOT INSPECTED").count - 1 == Self.catalog.placements.count)
            }
        }
    }

    @Test func aVehicleFormShowsEveryItemOfTheSubsystem() async throws {
        let fixture = try Fixture()
        let power = try #require(Self.catalog.placement(ofVehicle: "HLJ-FIRE-01")).vehicle
        let items = Self.catalog.items(applyingTo: power).filter { $0.subsystem == .power }
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/power", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                for item in items { #expect(body.contains("id=\"\(item.fullID)\"")) }
                #expect(body.contains("name=\"csrf\" value=\"\(fixture.server.csrf)\""))
                #expect(body.contains("NOT INSPECTED"))
            }
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/report", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("VR-HLJ-FIRE-01-"))
            }
            try await client.execute(uri: "/vehicles/NOPE-01/power", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("no vehicle NOPE-01"))
            }
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/engine", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func anAnswerIsSavedAndTheVerdictFollows() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            let (headers, body) = fixture.answer("power.generator-start", "fail", note: "starter <relay> dead")
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: body)
            {
                response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/vehicles/HLJ-FIRE-01/power#power.generator-start")
            }
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/power", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("NOT DEPLOYABLE"))
                #expect(page.contains("starter &lt;relay&gt; dead"))
                #expect(!page.contains("starter <relay> dead"))
            }
            let (jsonHeaders, jsonBody) = fixture.answer("power.generator-start", "pass", json: true)
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: jsonHeaders, body: jsonBody
            ) { response in
                #expect(response.status == .ok)
                let reply = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(reply["ok"] as? Bool == true)
                // The fields the reply has always had keep their meaning.
                #expect(reply["status"] as? String == "pass")
                #expect(reply["readiness"] as? String == "INCOMPLETE")
                #expect((reply["verdict"] as? String)?.hasPrefix("INCOMPLETE · ") == true)
                #expect((reply["banner"] as? [String: String])?["code"] == "INCOMPLETE")
                #expect((reply["state"] as? String)?.hasPrefix("✓ saved ") == true)
                #expect((reply["state"] as? String)?.hasSuffix(" · pass") == true)
            }
        }
        #expect(try fixture.store.results(ofVehicle: "HLJ-FIRE-01").map(\.status) == [.fail, .pass])
    }

    @Test func postsWithoutTheFormsTokenOrWithBadValuesChangeNothing() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            let (headers, forged) = fixture.answer("power.generator-start", "pass", csrf: "forged")
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: forged
            ) {
                response in
                #expect(response.status == .forbidden)
            }
            let (_, bad) = fixture.answer("power.generator-voltage", "high")
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: bad) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("`high` is not a finite number"))
            }
            let (_, noNote) = fixture.answer("power.generator-start", "fail")
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: noNote
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(
                    String(buffer: response.body).contains(
                        "<p class=\"error\" role=\"alert\">power.generator-start: `fail` needs a note saying why</p>"))
            }
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(fixture.server.csrf)&item=%ZZ")
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try fixture.store.results(ofVehicle: "HLJ-FIRE-01").isEmpty)
    }

    @Test func offTheLoopbackEveryRequestNeedsTheToken() async throws {
        let token = "0123456789abcdef0123"
        let fixture = try Fixture(token: token)
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer wrong"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/?token=\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.hasPrefix("ecv_token=\(token);") == true)
            }
            try await client.execute(uri: "/today", method: .get, headers: [.cookie: "ecv_token=\(token)"]) {
                response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aPublishedPlanThatCannotBeReadIsSaidNeverTakenForNone() async throws {
        let fixture = try Fixture()
        // A published plan damaged in the database, as a bad copy or a faulty tool could leave it.
        let damaged = try fixture.store.savePlan(
            json: "{\"format\":\"ecv-plan/1\"", seed: 1, catalog: Self.catalog, by: Self.actor, at: Date(),
            id: UUID(), auditID: UUID())
        _ = try fixture.store.publishPlan(version: damaged.version, by: Self.actor, at: Date(), auditID: UUID())
        try await fixture.server.application().test(.router) { client in
            for uri in ["/today?date=2027-04-12", "/vehicles/HLJ-FIRE-01/report"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .internalServerError, "\(uri)")
                    #expect(
                        String(buffer: response.body).contains("plan version 1 in the database cannot be read"),
                        "\(uri)")
                }
            }
            // An answer's season follows from the published plan: it is not filed under a guessed one.
            let (headers, body) = fixture.answer("power.generator-start", "pass")
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: body)
            { response in
                #expect(response.status == .internalServerError)
            }
        }
        #expect(try fixture.store.results(ofVehicle: "HLJ-FIRE-01").isEmpty)
    }

    @Test func todayListsThePlansVisitsOfTheDay() async throws {
        let fixture = try Fixture()
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/today?date=2027-03-02", method: .get) { response in
                #expect(String(buffer: response.body).contains("No plan is published yet"))
            }
            try await client.execute(uri: "/today?date=March", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
        let plan = """
            {"format":"ecv-plan/1","generated":"2027-02-01T08:00:00+08:00","seed":1,"routes":[{"route":"northeast",
            "team":"team-ne","depart":"2027-04-12T07:30:00+08:00","return":"2027-04-12T17:00:00+08:00",
            "stops":[{"site":"hrb-fire-1","arrive":"2027-04-12T09:00:00+08:00","depart":"2027-04-12T16:00:00+08:00",
            "visits":[{"vehicle":"HLJ-FIRE-01","client":"hlj-fire","start":"2027-04-12T09:00:00+08:00",
            "end":"2027-04-12T12:00:00+08:00","minutes":180,"fixed":true}]}],"legs":[{"from":"base","to":"hrb-fire-1",
            "km":0,"depart":"2027-04-12T09:00:00+08:00","arrive":"2027-04-12T09:00:00+08:00","driveMinutes":0},
            {"from":"hrb-fire-1","to":"base","km":0,"depart":"2027-04-12T16:00:00+08:00",
            "arrive":"2027-04-12T16:00:00+08:00","driveMinutes":0}],"totals":{"km":0,"driveMinutes":0,
            "serviceMinutes":180,"workdays":1,"vehicles":1}}],"unscheduled":[],"totals":{"km":0,"vehicles":1,"unscheduled":0}}
            """
        let draft = try fixture.store.savePlan(
            json: plan, seed: 1, catalog: Self.catalog, by: Self.actor, at: Date(), id: UUID(), auditID: UUID())
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/today?date=2027-04-12", method: .get) { response in
                #expect(String(buffer: response.body).contains("No plan is published yet"))
            }
        }
        _ = try fixture.store.publishPlan(version: draft.version, by: Self.actor, at: Date(), auditID: UUID())
        try await fixture.server.application().test(.router) { client in
            try await client.execute(uri: "/today?date=2027-04-12", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains(" on northeast</h2>"))
                #expect(body.contains("href=\"/vehicles/HLJ-FIRE-01\""))
                #expect(body.contains("09:00–12:00"))
                #expect(body.contains("FIXED appointment"))
                #expect(!body.contains("differ from those the published plan was made from"))
            }
        }
        // On a laptop whose files differ from the plan's, the page says which.
        var stored = PlanInputs.read(root: ProjectPaths.sampleCatalog)
        stored.files["Routes/northeast.yaml"] = "0"
        let other = try fixture.store.savePlan(
            json: plan, seed: 1, catalog: Self.catalog, inputs: stored, by: Self.actor, at: Date(), id: UUID(),
            auditID: UUID())
        _ = try fixture.store.publishPlan(version: other.version, by: Self.actor, at: Date(), auditID: UUID())
        let laptop = WebServer(
            configuration: .init(
                port: 0, actor: Self.actor, language: .en, inputs: PlanInputs.read(root: ProjectPaths.sampleCatalog)),
            catalog: Self.catalog,
            store: fixture.store)
        try await laptop.application().test(.router) { client in
            try await client.execute(uri: "/today?date=2027-04-12", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(
                    body.contains(
                        "differ from those the published plan was made from: Routes/northeast.yaml (changed)."))
            }
        }
    }
}
