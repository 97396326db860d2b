import ECVTestSupport
import Foundation
import GRDB
import Testing

/// `ecv serve` on 127.0.0.1, sent what other sites and careless clients send, byte by byte.
@Suite(.serialized) struct ServeRequestTests {
    /// A running `ecv serve` on a free port, stopped at the end.
    final class Server {
        let folder: TemporaryFolder
        let process: ECVRunner.Running
        let port: Int

        init(_ extra: [String] = [], before: (TemporaryFolder) throws -> Void = { _ in }) throws {
            folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            try before(folder)
            process = try ECVRunner.start(["serve", "--port", "0", "--root", folder.url.path] + extra)
            let line = try #require(process.line(containing: "listening on", within: 60))
            let address = try #require(line.split(separator: " ").last.map(String.init))
            port = try #require(URLComponents(string: address)?.port)
        }

        deinit {
            process.interrupt()
            _ = try? process.wait()
        }

        func get(_ path: String, host: String? = nil, headers: [String] = []) throws -> RawHTTP.Response {
            try RawHTTP.send(
                port: port, head: ["GET \(path) HTTP/1.1", "Host: \(host ?? "127.0.0.1:\(port)")"] + headers)
        }

        /// The form's CSRF token, from its page.
        func csrf() throws -> String {
            let page = String(decoding: try get("/vehicles/HLJ-FIRE-01/power").body, as: UTF8.self)
            let marker = "name=\"csrf\" value=\""
            let start = try #require(page.range(of: marker)?.upperBound)
            return String(page[start...].prefix { $0 != "\"" })
        }

        func postAnswer(origin: String?, accept: String? = nil, csrf: String? = nil) throws -> RawHTTP.Response {
            let body = Data("csrf=\(try csrf ?? self.csrf())&item=power.grounding&value=1.1&note=".utf8)
            var head = [
                "POST /vehicles/HLJ-FIRE-01/answers HTTP/1.1", "Host: 127.0.0.1:\(port)",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.count)",
            ]
            if let origin { head.append("Origin: \(origin)") }
            if let accept { head.append("Accept: \(accept)") }
            return try RawHTTP.send(port: port, head: head, body: body)
        }

        func history() throws -> String {
            try ECVRunner.run(["history", "HLJ-FIRE-01", "--root", folder.url.path]).stdout
        }
    }

    @Test func aRequestNamingAnotherHostIsRefused() throws {
        let server = try Server()
        #expect(try server.get("/", host: "evil.example:\(server.port)").status == 421)
        #expect(try server.get("/", host: "localhost:\(server.port)").status == 200)
    }

    @Test func aHostGivenWithAllowHostIsServed() throws {
        let server = try Server(["--allow-host", "van.local"])
        #expect(try server.get("/", host: "van.local:\(server.port)").status == 200)
    }

    @Test func aPostFromAnotherOriginIsRefusedAndSavesNothing() throws {
        let server = try Server()
        let refused = try server.postAnswer(origin: "http://evil.example")
        #expect(refused.status == 403)
        #expect(try server.history().contains("0 inspections"))
    }

    @Test func aPostFromTheFormsOwnOriginOrWithoutOriginIsSaved() throws {
        let server = try Server()
        #expect(try server.postAnswer(origin: "http://127.0.0.1:\(server.port)").status == 302)
        #expect(try server.postAnswer(origin: nil).status == 302)
        #expect(try server.history().contains("power.grounding: pass (1.1)"))
    }

    @Test func errorsToThePageScriptAreJSON() throws {
        let server = try Server()
        let refused = try server.postAnswer(origin: nil, accept: "application/json", csrf: "forged")
        #expect(refused.status == 403)
        #expect(refused.headers["content-type"] == "application/json")
        let reply = try JSONSerialization.jsonObject(with: refused.body) as? [String: Any]
        #expect(reply?["ok"] as? Bool == false)
        #expect((reply?["message"] as? String)?.contains("请重新加载页面") == true)
        #expect(reply?["retry"] as? Bool == true)
    }

    @Test func anAnswerBodyOverTheLimitGets413() throws {
        let server = try Server()
        let body = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        let response = try RawHTTP.send(
            port: server.port,
            head: [
                "POST /vehicles/HLJ-FIRE-01/answers HTTP/1.1", "Host: 127.0.0.1:\(server.port)",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.count)",
            ], body: body)
        #expect(response.status == 413)
    }

    @Test func aPhotoUploadOverTheLimitGets413() throws {
        let server = try Server()
        let boundary = "ecv-boundary"
        var body = Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\r\n".utf8)
        body += Data([0xFF, 0xD8, 0xFF]) + Data(count: 11 * 1024 * 1024) + Data("\r\n--\(boundary)--\r\n".utf8)
        let response = try RawHTTP.send(
            port: server.port,
            head: [
                "POST /vehicles/HLJ-FIRE-01/photos HTTP/1.1", "Host: 127.0.0.1:\(server.port)",
                "Content-Type: multipart/form-data; boundary=\(boundary)", "Content-Length: \(body.count)",
            ], body: body)
        #expect(response.status == 413)
    }
}

extension ServeRequestTests {
    @Test func aPhotoIsServedAsItsBytesSayWithNothingAllowedToRun() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 100)
        let server = try Server()
        let boundary = "ecv-boundary"
        var body = Data()
        for (name, value) in [("csrf", try server.csrf()), ("item", "power.grounding")] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"x.html\"\r\nContent-Type: text/html\r\n\r\n"
                .utf8)
        body += png + Data("\r\n--\(boundary)--\r\n".utf8)
        let upload = try RawHTTP.send(
            port: server.port,
            head: [
                "POST /vehicles/HLJ-FIRE-01/photos HTTP/1.1", "Host: 127.0.0.1:\(server.port)",
                "Content-Type: multipart/form-data; boundary=\(boundary)", "Content-Length: \(body.count)",
            ], body: body)
        #expect(upload.status == 302)
        let page = String(decoding: try server.get("/vehicles/HLJ-FIRE-01/power").body, as: UTF8.self)
        let start = try #require(page.range(of: "href=\"/photos/")?.upperBound)
        let name = String(page[start...].prefix { $0 != "\"" })
        let photo = try server.get("/photos/\(name)")
        #expect(photo.status == 200)
        #expect(photo.headers["content-type"] == "image/png")
        #expect(photo.headers["x-content-type-options"] == "nosniff")
        #expect(photo.headers["content-security-policy"] == "default-src 'none'")
        #expect(photo.headers["content-disposition"] == "inline")
        #expect(photo.body == png)
    }
}

extension ServeRequestTests {
    @Test func anAnswerToAResultAtItsLastVersionIsRefusedAndTheServerStaysUp() throws {
        let server = try Server { folder in
            let root = ["--root", folder.url.path]
            _ = try ECVRunner.run(["record", "HLJ-FIRE-01", "power.grounding=1.1"] + root)
            // A database of an earlier release may hold any version a bundle brought it.
            let database = try DatabaseQueue(path: folder.url.appendingPathComponent("ecv.sqlite").path)
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "DROP TRIGGER result_no_update")
                try db.execute(sql: "UPDATE result SET version = ?", arguments: [Int.max])
            }
            try database.close()
        }
        let refused = try server.postAnswer(origin: nil, accept: "application/json")
        #expect(refused.status == 500)
        let reply = try JSONSerialization.jsonObject(with: refused.body) as? [String: Any]
        #expect((reply?["message"] as? String)?.contains("has reached its last version") == true)
        #expect(try server.get("/").status == 200)
    }
}
