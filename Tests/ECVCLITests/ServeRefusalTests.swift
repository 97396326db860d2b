import ECVTestSupport
import Foundation
import Testing

/// What `ecv serve` says to requests it refuses: never anything a page of another site could use.
@Suite(.serialized) struct ServeRefusalTests {
    @Test func theForeignHostPageCarriesNoCSRFToken() throws {
        let server = try ServeRequestTests.Server()
        let csrf = try server.csrf()
        let refused = try server.get("/vehicles/HLJ-FIRE-01/power", host: "evil.example:\(server.port)")
        #expect(refused.status == 421)
        #expect(!String(decoding: refused.body, as: UTF8.self).contains(csrf))
    }

    @Test func theMissingTokenPageCarriesNoCSRFToken() throws {
        let token = "0123456789abcdef0123"
        let server = try ServeRequestTests.Server(["--token", token])
        let page = try server.get("/vehicles/HLJ-FIRE-01/power", headers: ["Authorization: Bearer \(token)"])
        let text = String(decoding: page.body, as: UTF8.self)
        let marker = "name=\"csrf\" value=\""
        let start = try #require(text.range(of: marker)?.upperBound)
        let csrf = String(text[start...].prefix { $0 != "\"" })
        #expect(csrf.count >= 16)
        for path in ["/vehicles/HLJ-FIRE-01/power", "/", "/session"] {
            let refused = try server.get(path)
            #expect(refused.status == 401)
            #expect(!String(decoding: refused.body, as: UTF8.self).contains(csrf))
        }
    }
}
